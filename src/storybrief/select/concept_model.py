"""Concept model coefficients, written by bench/train_concepts.py: do not edit by hand."""

# 2000 clusters of multinews_plus_lowercased after the first 300
COEF = {
    "bias": -4.450626,
    "log credit": 0.825005,
    "log outlets": 0.799939,
    "share of outlets": 0.38707,
    "single outlet": -0.090229,
    "log first sentence": 0.008588,
    "in a first sentence": -0.104109,
    "log sentences": 2.018635,
    "function pair": -0.055086,
    "log articles": -0.246257,
}
