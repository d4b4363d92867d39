# Catalogue, plural, ISO-name and number tests.
