"""One module per command group of ``apiframe``; ``cli/_app.py`` registers them."""
