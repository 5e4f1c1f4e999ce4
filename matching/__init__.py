"""The fair's matching engine and reference knowledge: plain Python over plain data, no Flask or database."""
