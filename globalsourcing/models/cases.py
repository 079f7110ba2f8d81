"""The cases' decision models: one small calculation per case, on the case's own figures.

Each function answers the question its case puts to the protagonist with arithmetic a
student can repeat by hand. The case's figures (contract values, prices, rates) are required
arguments: the exhibits in :mod:`globalsourcing.exhibits.cases` read them from the fact base
(``load("facts")``) by fact id, so no reported figure is typed here. The arguments a class
argues about (a savings share, a termination fee, a margin) are declared below with their
slider ranges, and their defaults are illustrative assumptions, not reported figures.

Models
------
- :func:`kodak_savings` (case 1): ten-year savings from signing with IBM at the savings target
  against consolidating the data centres in-house.
- :func:`insourcing_break_even` (case 2): cumulative saving from taking IT back in-house
  against renegotiating the supplier's price.
- :func:`gain_share` (case 3): cumulative cash to the partner and to the client from a share
  of an enterprise partnership's profit.
- :func:`venture_split` (case 4): how a cost cut divides between the market (lower prices)
  and the venture (profit).
- :func:`terminate_or_stay` (case 5): cumulative cost of staying in a contract against paying
  to end it and running the work in-house.
- :func:`delivered_rate` (case 6): hourly rates once the client's extra management of an
  offshore team is added.
- :func:`stake_sale` (case 7): cash from selling a share of a captive at a revenue multiple
  and the value of the stake kept.
- :func:`sale_and_contract` (case 8): what a buyer of a captive could pay out of its profit
  on the services contract that comes with it (present value).
- :func:`crowd_or_team` (case 9): a project's cost as prize contests against a fixed team.
- :func:`supplier_consolidation` (case 10): cost over a new term of renewing every supplier
  or consolidating onto fewer, with the cost of moving their teams' knowledge.
- :func:`keep_or_sell_centre` (case 11): cumulative cost of keeping and investing in a
  capability centre against selling it with a services contract.
"""

from __future__ import annotations

import pandas as pd

from .params import declared, number, share, whole

_MONEY = {"low": 0, "open_low": True}


def _range(low: float, high: float, step: float) -> dict:
    """A slider's range and the grid the book's exhibit evaluates: every stop of it."""
    count = round((high - low) / step)
    grid = tuple(round(low + i * step, 6) for i in range(count + 1))
    return {"control": (low, high, step), "grid": grid}


@declared(
    in_scope_budget=number(
        "Yearly cost of the operations in scope ($m)", **_MONEY, **_range(50, 250, 25)
    ),
    supplier_saving=share("Saving the supplier delivers", **_range(0.0, 0.6, 0.05)),
    own_saving=share("Saving from consolidating in-house", **_range(0.0, 0.5, 0.05)),
    years=whole("Contract length, years", 1, 30),
)
def kodak_savings(
    in_scope_budget: float, years: int, supplier_saving: float = 0.5, own_saving: float = 0.2
) -> pd.DataFrame:
    """Savings over the contract from signing with the supplier or consolidating in-house.

    One row per route: ``yearly`` saving = budget x saving share, ``total`` = yearly x years,
    and ``gap`` = the supplier route's total minus the in-house route's (the same on both rows).
    With a $150m budget, 50% and 20% over ten years: 750 against 300, a gap of 450.
    """
    rows = [
        ("Sign with IBM at the target", supplier_saving),
        ("Consolidate the centres in-house", own_saving),
    ]
    frame = pd.DataFrame(
        {
            "route": [r for r, _ in rows],
            "yearly": [in_scope_budget * s for _, s in rows],
        }
    )
    frame["total"] = frame["yearly"] * years
    frame["gap"] = (supplier_saving - own_saving) * in_scope_budget * years
    return frame


@declared(
    one_off_cost=number("One-off cost of insourcing (£m)", 0, **_range(20, 120, 20)),
    yearly_saving=number("Yearly saving once in-house (£m)", 0, **_range(10, 60, 5)),
    contract_yearly=number("Supplier's yearly charge (£m)", **_MONEY),
    renegotiated_cut=share("Price cut a renegotiation wins", **_range(0.0, 0.3, 0.05)),
    years=whole("Years compared", 1, 30),
)
def insourcing_break_even(
    contract_yearly: float,
    one_off_cost: float = 60,
    yearly_saving: float = 35,
    renegotiated_cut: float = 0.1,
    years: int = 5,
) -> pd.DataFrame:
    """Cumulative saving, year by year, of insourcing against renegotiating.

    Insourcing: ``-one_off_cost + yearly_saving * year``. Renegotiating: no one-off cost and
    ``renegotiated_cut * contract_yearly * year``. ``attrs["payback_years"]`` is the one-off
    cost over the yearly saving; ``attrs["insourcing_ahead_from"]`` the year (fractional)
    from which insourcing has saved more than renegotiating, or None if it never does.
    £60m, £40m a year against a 10% cut of £200m: payback 1.5 years; insourcing leads from 3.
    """
    renegotiated = renegotiated_cut * contract_yearly
    year = list(range(years + 1))
    frame = pd.concat(
        [
            pd.DataFrame(
                {
                    "route": "Bring IT in-house",
                    "year": year,
                    "cumulative": [-one_off_cost + yearly_saving * t for t in year],
                }
            ),
            pd.DataFrame(
                {
                    "route": "Renegotiate the contract",
                    "year": year,
                    "cumulative": [renegotiated * t for t in year],
                }
            ),
        ],
        ignore_index=True,
    )
    frame.attrs["payback_years"] = one_off_cost / yearly_saving if yearly_saving else None
    ahead = yearly_saving - renegotiated
    frame.attrs["insourcing_ahead_from"] = one_off_cost / ahead if ahead > 0 else None
    return frame


@declared(
    investment=number("Partner's investment (£m)", 0),
    partner_share=share("Partner's share of the enterprise's profit", **_range(0.1, 0.5, 0.05)),
    enterprise_profit=number("Enterprise's yearly profit (£m)", 0, **_range(0, 16, 2)),
    years=whole("Contract length, years", 1, 30),
)
def gain_share(
    investment: float, partner_share: float, years: int, enterprise_profit: float = 8
) -> pd.DataFrame:
    """Cumulative cash from the enterprise's profit, year by year, to the partner and client.

    Partner: ``-investment + partner_share * profit * year``; client: ``(1 - partner_share) *
    profit * year``. ``attrs["payback_years"]`` is investment / (share x profit), or None when
    the profit is zero. £6m, 25%, £8m a year: the partner is repaid in 3 years.
    """
    year = list(range(years + 1))
    to_partner = partner_share * enterprise_profit
    to_client = (1 - partner_share) * enterprise_profit
    frame = pd.concat(
        [
            pd.DataFrame(
                {
                    "party": "Xchanging",
                    "year": year,
                    "cumulative": [-investment + to_partner * t for t in year],
                }
            ),
            pd.DataFrame(
                {"party": "BAE Systems", "year": year, "cumulative": [to_client * t for t in year]}
            ),
        ],
        ignore_index=True,
    )
    frame.attrs["payback_years"] = investment / to_partner if to_partner else None
    return frame


@declared(
    cost_base=number("Yearly cost base, about equal to revenue (£m)", **_MONEY),
    policies=number("Policies processed a year", **_MONEY),
    cost_cut=share("Cost cut the venture achieves", **_range(0.0, 0.4, 0.05)),
    price_cut=share("Price cut passed to the market", **_range(0.0, 0.3, 0.05)),
)
def venture_split(
    cost_base: float, policies: float, cost_cut: float = 0.2, price_cut: float = 0.0
) -> pd.DataFrame:
    """Who gets a processing venture's cost cut: the market through prices, or the venture.

    Revenue starts equal to the cost base. The market saves ``price_cut * cost_base`` a year;
    the venture's profit is revenue after the price cut minus cost after the cost cut, i.e.
    ``(cost_cut - price_cut) * cost_base`` (negative when prices fall faster than costs).
    ``price_per_policy`` is the market's price in pounds. £40m, 20% and 0%: profit £8m.
    """
    frame = pd.DataFrame(
        {
            "who": ["The market (lower prices)", "The venture (profit)"],
            "yearly": [price_cut * cost_base, (cost_cut - price_cut) * cost_base],
        }
    )
    frame["price_per_policy"] = cost_base * (1 - price_cut) * 1e6 / policies
    return frame


@declared(
    yearly_charge=number("Supplier's yearly charge ($m)", **_MONEY),
    years_left=whole("Years left on the contract", 1, 30),
    termination_fee=share(
        "Termination fee, share of the remaining contract value", **_range(0.0, 0.4, 0.05)
    ),
    inhouse_cost=share(
        "In-house running cost, share of the supplier's charge", **_range(0.7, 1.1, 0.05), high=2
    ),
)
def terminate_or_stay(
    yearly_charge: float,
    years_left: int,
    termination_fee: float = 0.2,
    inhouse_cost: float = 0.9,
) -> pd.DataFrame:
    """Cumulative cost of staying with the supplier against ending the contract now.

    Stay: ``yearly_charge * year``. End: a fee of ``termination_fee`` times the remaining
    value (``yearly_charge * years_left``), paid at once, then ``inhouse_cost * yearly_charge``
    a year. ``attrs["break_even_year"]`` is when ending has cost no more than staying, or None
    if not within the years left. $700m a year, 5 years, 10% fee, 80%: fee 350, even in year 2.5.
    """
    year = list(range(years_left + 1))
    fee = termination_fee * yearly_charge * years_left
    frame = pd.concat(
        [
            pd.DataFrame(
                {
                    "route": "Stay with IBM",
                    "year": year,
                    "cumulative": [yearly_charge * t for t in year],
                }
            ),
            pd.DataFrame(
                {
                    "route": "End the contract and insource",
                    "year": year,
                    "cumulative": [fee + inhouse_cost * yearly_charge * t for t in year],
                }
            ),
        ],
        ignore_index=True,
    )
    saving = (1 - inhouse_cost) * yearly_charge
    even = fee / saving if saving > 0 else None
    frame.attrs["break_even_year"] = even if even is not None and even <= years_left else None
    return frame


@declared(
    rural_rate=number("Rural supplier's hourly rate ($)", **_MONEY, **_range(35, 65, 5)),
    offshore_rate=number("Offshore supplier's hourly rate ($)", **_MONEY, **_range(20, 50, 5)),
    offshore_overhead=share(
        "Client's extra management of an offshore team, share of the rate",
        **_range(0.0, 0.6, 0.1),
        high=2,
    ),
)
def delivered_rate(
    rural_rate: float, offshore_rate: float = 30, offshore_overhead: float = 0.2
) -> pd.DataFrame:
    """Hourly cost to the client: the quoted rate plus, offshore, the extra management.

    ``delivered`` = the rural rate, and ``offshore_rate * (1 + offshore_overhead)`` offshore;
    ``extra`` is the management part. A $50 rural rate against a $40 offshore rate with 20%
    extra management: $50 against $48.
    """
    return pd.DataFrame(
        {
            "supplier": ["Rural US supplier", "Offshore supplier"],
            "quoted": [rural_rate, offshore_rate],
            "extra": [0.0, offshore_rate * offshore_overhead],
            "delivered": [rural_rate, offshore_rate * (1 + offshore_overhead)],
        }
    )


@declared(
    revenue=number("Yearly revenue ($m)", **_MONEY),
    multiple=number("Price as a multiple of revenue", 0, **_range(1.0, 3.0, 0.1)),
    stake_sold=share("Share of the business sold", **_range(0.0, 1.0, 0.1)),
)
def stake_sale(revenue: float, multiple: float = 1.5, stake_sold: float = 0.5) -> pd.DataFrame:
    """Cash from selling ``stake_sold`` of a captive valued at ``multiple`` x revenue.

    Rows: the cash now (stake x multiple x revenue) and the value of the stake kept at the
    same valuation. $420m at 1.9 times, 60% sold: $479m now and $319m kept.
    """
    value = multiple * revenue
    return pd.DataFrame(
        {
            "part": ["Cash from the sale", "Stake kept, at the same valuation"],
            "value": [stake_sold * value, (1 - stake_sold) * value],
        }
    )


@declared(
    yearly_contract=number("Services contract, yearly value ($m)", **_MONEY),
    term=number("Services contract length, years", **_MONEY, **_range(2, 12, 1)),
    margin=share("Buyer's operating margin on the contract", **_range(0.1, 0.3, 0.05)),
    discount_rate=share("Buyer's discount rate", **_range(0.0, 0.15, 0.05)),
)
def sale_and_contract(
    yearly_contract: float, term: float = 5, margin: float = 0.2, discount_rate: float = 0.1
) -> float:
    """Present value of the buyer's operating profit on the services contract ($m).

    ``margin * yearly_contract`` a year for ``term`` years (a fraction allowed), discounted
    at year ends: times ``(1 - (1 + r) ** -term) / r``, or times ``term`` when r = 0.
    $263m a year, 20%, 9.5 years, undiscounted: about $500m.
    """
    profit = margin * yearly_contract
    if discount_rate == 0:
        return profit * term
    return profit * (1 - (1 + discount_rate) ** -term) / discount_rate


@declared(
    contests=whole("Contests in the project", 1),
    months=number("Project length, months", **_MONEY),
    prize=number("Prize money per contest ($)", 0, **_range(500, 3000, 500)),
    overhead=share(
        "Reviews, runners-up and the platform's fee, share of the prizes",
        **_range(0.0, 3.0, 0.5),
        high=10,
    ),
    team_size=whole("Fixed team, people", 1, 100, **_range(1, 8, 1)),
    monthly_cost=number("Cost of one team member a month ($)", 0),
)
def crowd_or_team(
    contests: int,
    months: float,
    prize: float = 3000,
    overhead: float = 1.0,
    team_size: int = 4,
    monthly_cost: float = 15000,
) -> pd.DataFrame:
    """A project's cost run as prize contests against a fixed team for the same months ($).

    Contests: ``contests * prize * (1 + overhead)``. Team: ``team_size * months *
    monthly_cost``. 57 contests at $3,000 with 100% overhead: $342,000; four people for four
    months at $15,000: $240,000. The monthly cost is an illustrative assumption.
    """
    return pd.DataFrame(
        {
            "route": ["Crowd contests", "Fixed team"],
            "cost": [contests * prize * (1 + overhead), team_size * months * monthly_cost],
        }
    )


@declared(
    yearly_value=number("Yearly value of the application work ($m)", **_MONEY),
    suppliers_now=whole("Application suppliers now", 1, 20),
    years=whole("Length of the new contracts, years", 1, 30),
    transfer_cost=share(
        "Moving the knowledge, share of a year's value of the work moved",
        **_range(0.0, 2.0, 0.25),
        high=5,
    ),
    volume_discount=share(
        "Price cut when one supplier holds all the work", **_range(0.0, 0.2, 0.05)
    ),
    governance=share("Governing one supplier a year, share of the work's value"),
)
def supplier_consolidation(
    yearly_value: float,
    suppliers_now: int,
    years: int,
    transfer_cost: float = 0.5,
    volume_discount: float = 0.1,
    governance: float = 0.02,
) -> pd.DataFrame:
    """Cost over a new term of keeping each number of suppliers, the work split evenly.

    Keeping ``k`` of ``n`` suppliers moves ``(n - k) / n`` of the work, at a one-off cost of
    ``transfer_cost`` times a year's value of it; the price falls by ``volume_discount`` times
    ``(n - k) / (n - 1)`` (all of it with one supplier); each supplier kept costs
    ``governance`` of the yearly value to manage. ``total`` = one-off + years x yearly.
    $90m, four suppliers, five years, 0.5, 10%, 2%: keeping all four costs 486, keeping two
    22.5 + 5 x 87.6 = 460.5.
    """
    rows = []
    for kept in range(suppliers_now, 0, -1):
        dropped = suppliers_now - kept
        one_off = transfer_cost * yearly_value * dropped / suppliers_now
        cut = volume_discount * dropped / (suppliers_now - 1) if suppliers_now > 1 else 0.0
        yearly = yearly_value * (1 - cut) + governance * kept * yearly_value
        label = f"Renew all {kept} as they stand" if dropped == 0 else f"Consolidate onto {kept}"
        rows.append((kept, label, one_off, yearly, one_off + years * yearly))
    return pd.DataFrame(rows, columns=["kept", "option", "one_off", "yearly", "total"])


@declared(
    yearly_contract=number("Services contract, yearly value ($m)", **_MONEY),
    sale_price=number("Price the buyer pays for the centre ($m)", 0),
    years=whole("Years compared", 1, 30),
    keep_cost=share(
        "Running the centre yourself, share of the contract's yearly value",
        **_range(0.6, 1.1, 0.05),
        high=3,
    ),
    investment=number(
        "One-off investment to keep the centre current ($m)", 0, **_range(0, 100, 20)
    ),
    governance=share("Managing the supplier a year, share of the contract's value"),
)
def keep_or_sell_centre(
    yearly_contract: float,
    sale_price: float,
    years: int,
    keep_cost: float = 0.9,
    investment: float = 40,
    governance: float = 0.03,
) -> pd.DataFrame:
    """Cumulative cost, year by year, of keeping a capability centre or selling it.

    Keep: ``investment`` at once, then ``keep_cost * yearly_contract`` a year. Sell: the price
    received at once (a negative cost), then the contract plus ``governance`` of it a year.
    $91m a year, $2m price, 90%, $40m, 3%: after five years 449.5 against 466.65.
    """
    year = list(range(years + 1))
    keep = [investment + keep_cost * yearly_contract * t for t in year]
    sell = [-sale_price + (1 + governance) * yearly_contract * t for t in year]
    return pd.concat(
        [
            pd.DataFrame(
                {"route": "Keep and invest in the centre", "year": year, "cumulative": keep}
            ),
            pd.DataFrame(
                {"route": "Sell it with a services contract", "year": year, "cumulative": sell}
            ),
        ],
        ignore_index=True,
    )
