"""The explorer: a local, read-only web app over any store (`vnkg serve`).

Search, a page for each person, meeting, decree, locality and article, every named query as
a form, and the graph views; all read through the store interface (web.data), all assets
shipped in the package, nothing fetched from outside the server.
"""
