"""Samverkansportalen: collaboration agreements as data, rendered into a Swedish site."""
