"""The visitor's settings: the « Aa » button, its panel, and where a desktop keeps them."""
