"""The explorer: a local, read-only web app over any store (`vnkg serve`).

Search, a page for each person, meeting, decree, locality and article, every named query as
a form, and the graph views; all read through the store interface (web.data), all assets
shipped in the package, nothing fetched from outside the server.
"""

# Past this many nodes of an RDF store the large graph page draws its aggregate (provinces,
# units, the most connected officials: viz.aggregate) instead of every node (`vnkg serve`'s
# default): the page was measured at 100,020 nodes (first frame within a second); the whole
# graph of 100k synthetic articles is 258,462 nodes, 33 s and 1.8 GB to read and 45 MB of
# JSON, and that of a million articles took the server past 10 GB.
WHOLE_GRAPH = 100_000
