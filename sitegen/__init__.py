"""sitegen: a static site generator for dated news articles, Greek first."""

__version__ = "0.1.0"
