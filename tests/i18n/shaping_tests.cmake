# Shaping and bidi tests.
