"""Group a stream of articles into stories: near-duplicates, online event clustering, BCubed scoring."""

from .stream import Assignment, Doc, StoryClusterer, cluster_docs

__all__ = ["Assignment", "Doc", "StoryClusterer", "cluster_docs"]
