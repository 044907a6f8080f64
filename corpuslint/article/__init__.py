"""What an article is made of: headline, byline, dates, dateline, captions, language."""
