"""Datasets for the casebook: load, list, describe and cite them.

>>> from globalsourcing.data import load, list_datasets, datasheet, cite
>>> panel = load("wdi_panel")            # World Bank WDI offshoring panel
>>> print(cite("sourcing_decisions"))    # citation, licence, and "synthetic" where true

Names: wdi_panel, unctad_services, market_size, india_itbpm, philippines_itbpm,
gsli_pillars, gsli_ranks, tholons_cities, cases, sourcing_decisions (synthetic).
"""

from globalsourcing.data.api import cite, datasheet, download_series, list_datasets, load
from globalsourcing.data.errors import DatasetError

__all__ = ["DatasetError", "cite", "datasheet", "download_series", "list_datasets", "load"]
