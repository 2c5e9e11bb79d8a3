"""Where programs come from: the one loader (``loader.load``) and what it uses, one way down.

``loader`` -> ``fetch`` (a URL: the last good copy, revalidation, offline fallback) -> ``remote``
(HTTP and the URL's cached bytes); ``loader`` and ``fetch`` -> ``parsed`` (bytes to a program:
the parse cache, else ``formats.read``) -> ``parse_cache``. ``refresh`` loads a followed URL
again for the app. Nothing here calls back up.
"""
