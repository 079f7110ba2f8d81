"""A stand-in for the World Bank API and UNCTADstat, served on 127.0.0.1.

Its answers are built from the offline mirror in the publishers' own formats: paged
``[header, records]`` JSON for the World Bank Indicators API v2, and a 7-Zip archive
holding the bulk CSV for UNCTADstat. ``fault`` makes the next matching answers
truncated (the body stops short of its Content-Length), garbled, or an HTTP error.
"""

from __future__ import annotations

import csv
import io
import json
import math
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def _region_value(region: str) -> str:
    return region + " "  # the live API pads some region names; the client must strip them


def worldbank_tables(mirror: Path) -> tuple[list[dict], dict[str, list[dict]]]:
    """Country list and per-indicator records, in the API's JSON shapes."""
    countries = []
    with open(mirror / "wdi_country_metadata.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            aggregate = row["is_aggregate"] == "True"
            countries.append(
                {
                    "id": row["country_code"],
                    "iso2Code": row["country_code"][:2],
                    "name": row["country_name"],
                    "region": {"id": "NA", "value": "Aggregates"}
                    if aggregate
                    else {"id": "R", "value": _region_value(row["region"])},
                    "incomeLevel": {"id": "NA", "value": "Aggregates"}
                    if aggregate
                    else {"id": "I", "value": row["income_group"] or "Not classified"},
                }
            )
    names = {c["id"]: c["name"] for c in countries}
    indicators: dict[str, list[dict]] = {}
    with open(mirror / "wdi_offshoring_long.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["indicator_code"]
            indicators.setdefault(code, []).append(
                {
                    "indicator": {"id": code, "value": code},
                    "country": {"id": row["country_code"][:2], "value": names[row["country_code"]]},
                    "countryiso3code": row["country_code"],
                    "date": row["year"],
                    "value": float(row["value"]),
                    "unit": "",
                    "obs_status": "",
                    "decimal": 0,
                }
            )
    # The live API also lists empty observations; add some so the client must skip them.
    first = indicators["BX.GSR.CCIS.CD"]
    first.append({**first[0], "date": "1995", "countryiso3code": "VNM", "value": None})
    return countries, indicators


def unctad_archive(mirror: Path) -> bytes:
    """A UNCTADstat-style bulk archive (7-Zip, one CSV) built from the mirror file."""
    import py7zr

    value = "US$ at current prices in millions"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = [
        "Year",
        "Economy",
        "Economy Label",
        "Flow",
        "Flow Label",
        "Category",
        "Category Label",
        value,
        f"{value} Footnote",
        f"{value} Missing value",
    ]
    writer.writerow(header)
    with open(mirror / "unctad_services_trade_total.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for flow, label, column in (
                ("02", "Exports", "services_exports_usd_m"),
                ("01", "Imports", "services_imports_usd_m"),
            ):
                missing = "" if row[column] else "Not available"
                writer.writerow(
                    [
                        row["year"],
                        row["unctad_code"],
                        row["unctad_name"],
                        flow,
                        label,
                        "S",
                        "Services",
                        row[column],
                        "",
                        missing,
                    ]
                )
                # Rows the loader must ignore: another category, and an aggregate it does not map.
                writer.writerow(
                    [
                        row["year"],
                        row["unctad_code"],
                        row["unctad_name"],
                        flow,
                        label,
                        "SI",
                        "Telecommunications, computer, and information services",
                        "1.0",
                        "",
                        "",
                    ]
                )
    writer.writerow(
        ["2010", "1400", "Developing economies", "02", "Exports", "S", "Services", "999999", "", ""]
    )
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, mode="w") as archive:
        archive.writestr(out.getvalue().encode("utf-8-sig"), "US_TradeServCatTotal.csv")
    return buffer.getvalue()


@dataclass
class Fault:
    path_contains: str
    mode: str  # "truncate", "garble", "http500", "damage", "empty", "short_total"
    times: int = 1


@dataclass
class PublisherServer:
    mirror: Path
    page_size: int = 5000
    requests: list[str] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.countries, self.indicators = worldbank_tables(self.mirror)
        self.archive = unctad_archive(self.mirror)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> PublisherServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fault(self, path_contains: str, mode: str, times: int = 1) -> None:
        self.faults.append(Fault(path_contains, mode, times))

    # -- answers ---------------------------------------------------------------
    def _paged(self, records: list[dict], query: dict) -> bytes:
        per_page = min(int(query.get("per_page", ["50"])[0]), self.page_size)
        page = int(query.get("page", ["1"])[0])
        pages = max(1, math.ceil(len(records) / per_page))
        chunk = records[(page - 1) * per_page : page * per_page]
        header = {
            "page": page,
            "pages": pages,
            "per_page": per_page,
            "total": len(records),
            "sourceid": "2",
            "lastupdated": "2026-07-01",
        }
        return json.dumps([header, chunk]).encode("utf-8")

    def answer(self, path: str) -> tuple[int, bytes, str]:
        parsed = urllib.parse.urlparse(path)
        query = urllib.parse.parse_qs(parsed.query)
        parts = parsed.path.strip("/").split("/")
        if parts[:2] == ["v2", "country"] and len(parts) == 2:
            return 200, self._paged(self.countries, query), "application/json"
        if parts[:4] == ["v2", "country", "all", "indicator"] and len(parts) == 5:
            code = urllib.parse.unquote(parts[4])
            if code not in self.indicators:
                body = [
                    {
                        "message": [
                            {
                                "id": "120",
                                "key": "Invalid value",
                                "value": "The provided parameter value is not valid",
                            }
                        ]
                    }
                ]
                return 200, json.dumps(body).encode(), "application/json"
            return 200, self._paged(self.indicators[code], query), "application/json"
        if parts[:1] == ["bulkdownload"] and parts[1:] == [
            "US.TradeServCatTotal",
            "US_TradeServCatTotal",
        ]:
            return 200, self.archive, "application/x-7z-compressed"
        return 404, b"not found", "text/plain"

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):  # noqa: N802 (http.server's naming)
                server.requests.append(self.path)
                status, body, ctype = server.answer(self.path)
                fault = next(
                    (f for f in server.faults if f.times > 0 and f.path_contains in self.path), None
                )
                if fault is not None:
                    fault.times -= 1
                    if fault.mode == "http500":
                        status, body, ctype = 500, b"internal error", "text/plain"
                    elif fault.mode == "garble":
                        body = b"<html><body>Service temporarily unavailable</body></html>"
                        ctype = "text/html"
                    elif fault.mode == "empty":
                        header = {"page": 1, "pages": 1, "per_page": 50, "total": 0}
                        body = json.dumps([header, []]).encode()
                    elif fault.mode == "short_total":
                        answer = json.loads(body)
                        answer[0]["total"] += 1
                        body = json.dumps(answer).encode()
                    elif fault.mode == "damage":
                        body = body[:32] + bytes(b ^ 0x5A for b in body[32:])
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if fault is not None and fault.mode == "truncate":
                    self.wfile.write(body[: len(body) // 3])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(body)

        return Handler
