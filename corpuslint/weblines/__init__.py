"""Crude page text: which lines are the page's chrome (the B2 rules' classifier)."""
