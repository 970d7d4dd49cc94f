"""What the browser tests and the search benchmark share about Material's search box."""

SETTLED = """() => {
  const count = document.querySelectorAll(".md-search-result__list > li").length
  const same = window.__samverkanResults === count
  window.__samverkanResults = count
  return same && document.getAnimations().every(animation => animation.playState !== "running")
}"""
"""A page function, polled on every animation frame (reset window.__samverkanResults to -1 first):
true when the search results are settled, their count the same two frames running and no
transition running. axe then sees the results as a reader does, not half faded in."""
