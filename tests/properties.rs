//! Property tests: text round trips, exact conversions, no panic on any input, and the invariants
//! of the indicator math.

use proptest::prelude::*;
use rust_decimal::Decimal;
use tongji::{
    Growth, Magnitude, Multiple, PercentPoints, Period, Quantity, Rate, Rounding, Unit, completion,
    contributions, growth, structure,
};

const MAGNITUDES: &[&str] = &[
    "", "十", "百", "千", "万", "十万", "百万", "千万", "亿", "十亿", "百亿", "千亿", "万亿",
];
const UNITS: &[&str] = &[
    "元",
    "美元",
    "公斤",
    "千克",
    "克",
    "吨",
    "斤",
    "亩",
    "公顷",
    "平方米",
    "平方公里",
    "米",
    "公里",
    "千米",
    "人次",
    "人",
    "户",
    "家",
    "个",
    "项",
    "件",
    "次",
    "场次",
    "篇",
    "头",
    "只",
    "羽",
    "株",
    "座",
    "条",
    "期",
    "批次",
    "名",
    "元/公斤",
    "公斤/亩",
];

/// A decimal of domain size: mantissa up to ±10¹², scale 0 to 4.
fn decimal() -> impl Strategy<Value = Decimal> {
    (-1_000_000_000_000i64..=1_000_000_000_000, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s))
}

fn positive() -> impl Strategy<Value = Decimal> {
    (1i64..=1_000_000_000_000, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s))
}

fn quantity_text() -> impl Strategy<Value = String> {
    (
        decimal(),
        prop::sample::select(MAGNITUDES),
        prop::sample::select(UNITS),
    )
        .prop_map(|(v, m, u)| format!("{v}{m}{u}"))
}

fn money(value: Decimal) -> Quantity {
    Quantity::new(value, Magnitude::TenThousand, Unit::YUAN).unwrap()
}

/// Text made of the characters figures are made of, to reach deep into the parsers.
fn figure_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "1",
            "0",
            "9",
            ".",
            ",",
            "，",
            "-",
            "−",
            "+",
            "万",
            "亿",
            "元",
            "公斤",
            "%",
            "％",
            "‰",
            "X",
            "—",
            "…",
            " ",
            "年",
            "月",
            "季度",
            "上半年",
            "前三季度",
            "至",
            "增长",
            "下降",
            "倍",
            "个百分点",
            "余",
            "以上",
            "约",
            "/",
            "个",
            "０",
            "．",
            "e",
        ]),
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn quantity_text_round_trips(text in quantity_text()) {
        let q: Quantity = text.parse().unwrap();
        prop_assert_eq!(q.to_string(), text.clone());
        let again: Quantity = q.to_string().parse().unwrap();
        prop_assert_eq!(again, q);
    }

    #[test]
    fn rate_text_round_trips(v in decimal(), per_mille in any::<bool>()) {
        let text = format!("{v}{}", if per_mille { "‰" } else { "%" });
        let r: Rate = text.parse().unwrap();
        prop_assert_eq!(r.to_string(), text);
    }

    #[test]
    fn points_and_multiples_round_trip(v in decimal()) {
        let pp = format!("{v}个百分点");
        prop_assert_eq!(pp.parse::<PercentPoints>().unwrap().to_string(), pp);
        let m = format!("{v}倍");
        prop_assert_eq!(m.parse::<Multiple>().unwrap().to_string(), m);
    }

    #[test]
    fn magnitude_conversion_is_exact_and_invertible(
        text in quantity_text(),
        to in prop::sample::select(MAGNITUDES),
    ) {
        let q: Quantity = text.parse().unwrap();
        let target: Magnitude = to.parse().unwrap();
        let converted = q.to_magnitude(target).unwrap();
        prop_assert_eq!(converted, q);
        prop_assert_eq!(converted.base_value(), q.base_value());
        let back = converted.to_magnitude(q.magnitude()).unwrap();
        prop_assert_eq!(back.value(), q.value());
    }

    #[test]
    fn unit_conversion_is_exact_and_invertible(
        v in decimal(),
        from in prop::sample::select(&["公斤", "千克", "克", "吨", "斤"][..]),
        to in prop::sample::select(&["公斤", "千克", "克", "吨", "斤"][..]),
    ) {
        let q: Quantity = format!("{v}{from}").parse().unwrap();
        let converted = q.to_unit(to.parse().unwrap()).unwrap();
        prop_assert_eq!(converted, q);
        let back = converted.to_unit(q.unit()).unwrap();
        prop_assert_eq!(back.value(), q.value());
    }

    #[test]
    fn area_converts_exactly_or_says_so(v in decimal(), to in prop::sample::select(&["亩", "公顷", "平方米", "平方公里"][..])) {
        let q: Quantity = format!("{v}亩").parse().unwrap();
        match q.to_unit(to.parse().unwrap()) {
            Ok(c) => prop_assert_eq!(c, q),
            Err(e) => prop_assert_eq!(e.kind(), tongji::ErrorKind::Inexact, "{}", e),
        }
    }

    #[test]
    fn parsing_any_text_never_panics(s in any::<String>()) {
        let _ = s.parse::<Quantity>();
        let _ = s.parse::<Rate>();
        let _ = s.parse::<Period>();
        let _ = s.parse::<Growth>();
        let _ = s.parse::<PercentPoints>();
        let _ = s.parse::<Multiple>();
        let _ = s.parse::<Unit>();
        let _ = s.parse::<Magnitude>();
    }

    #[test]
    fn parsing_figure_like_text_never_panics(s in figure_like()) {
        if let Ok(q) = s.parse::<Quantity>() {
            // Whatever parses displays as something that parses to the same value.
            prop_assert_eq!(q.to_string().parse::<Quantity>().unwrap(), q);
        }
        let _ = s.parse::<Rate>();
        let _ = s.parse::<Period>();
        let _ = s.parse::<Growth>();
    }

    #[test]
    fn growth_reconstructs_current(prev in positive(), cur in decimal()) {
        let g = growth(&money(cur), &money(prev)).unwrap();
        if cur.is_sign_negative() && !cur.is_zero() {
            prop_assert_eq!(g, Growth::TurnedLoss);
        } else {
            let rate = g.rate().unwrap().percent();
            // previous × (1 + g) = current, exactly to cur's written digits and beyond.
            let rebuilt = prev * (Decimal::ONE_HUNDRED + rate) / Decimal::ONE_HUNDRED;
            prop_assert!((rebuilt - cur).abs() <= Decimal::new(1, 16), "{prev} {cur} {rebuilt}");
            prop_assert_eq!(Rounding::new(cur.scale()).apply(rebuilt), cur);
        }
    }

    #[test]
    fn growth_wording_follows_the_rounded_sign(prev in positive(), cur in positive()) {
        let g = growth(&money(cur), &money(prev)).unwrap();
        let shown = Rounding::new(1).apply(g.rate().unwrap().percent());
        let text = g.to_string();
        if shown.is_zero() {
            prop_assert_eq!(text, "持平");
        } else if shown.is_sign_negative() {
            prop_assert_eq!(text, format!("下降{}%", shown.abs()));
        } else {
            prop_assert_eq!(text, format!("增长{shown}%"));
        }
    }

    #[test]
    fn completion_times_target_is_actual(actual in decimal(), target in positive()) {
        let r = completion(&money(actual), &money(target)).unwrap();
        let rebuilt = r.percent() * target / Decimal::ONE_HUNDRED;
        prop_assert!((rebuilt - actual).abs() <= Decimal::new(1, 12));
    }

    #[test]
    fn pulls_sum_to_growth_and_shares_to_100(
        parts in prop::collection::vec((positive(), positive()), 1..8),
    ) {
        let prev: Vec<Quantity> = parts.iter().map(|(p, _)| money(*p)).collect();
        let cur: Vec<Quantity> = parts.iter().map(|(_, c)| money(*c)).collect();
        let c = contributions(&cur, &prev).unwrap();
        let total_prev = Quantity::checked_sum(&prev).unwrap().unwrap();
        let total_cur = Quantity::checked_sum(&cur).unwrap().unwrap();
        let g = growth(&total_cur, &total_prev).unwrap().rate().unwrap().percent();
        let pulls: Decimal = c.iter().map(|c| c.pull().value()).sum();
        prop_assert!((pulls - g).abs() <= Decimal::new(1, 20), "{pulls} vs {g}");
        if total_cur != total_prev {
            let shares: Decimal = c.iter().map(|c| c.share().unwrap().percent()).sum();
            prop_assert!((shares - Decimal::ONE_HUNDRED).abs() <= Decimal::new(1, 18), "{shares}");
        }
    }

    #[test]
    fn shares_sum_to_100_within_the_rounding_bound(
        parts in prop::collection::vec(positive(), 1..10),
        places in 0u32..=3,
    ) {
        let qs: Vec<Quantity> = parts.iter().map(|p| money(*p)).collect();
        let s = structure(&qs).unwrap().with_rounding(Rounding::new(places));
        let n = Decimal::from(parts.len());
        let half_unit = Decimal::new(5, places + 1);
        let sum: Decimal = s.rounded().iter().map(Rate::percent).sum();
        prop_assert!((sum - Decimal::ONE_HUNDRED).abs() <= n * half_unit, "{sum}");
        let adjusted = s.largest_remainder().unwrap();
        let exact: Decimal = adjusted.shares().iter().map(Rate::percent).sum();
        prop_assert_eq!(exact, Decimal::ONE_HUNDRED);
        for (a, r) in adjusted.shares().iter().zip(s.rounded()) {
            prop_assert!((a.percent() - r.percent()).abs() <= Decimal::new(1, places));
        }
    }

    #[test]
    fn elapsed_is_months_over_twelve(year in 1i32..=9999, month in 1u8..=12) {
        let p = Period::year_to_month(year, month).unwrap();
        let e = p.elapsed().percent();
        prop_assert!((e * Decimal::from(12) - Decimal::from(month) * Decimal::ONE_HUNDRED).abs() <= Decimal::new(1, 20));
        prop_assert_eq!(p.to_string().parse::<Period>().unwrap(), p);
        prop_assert_eq!(p.same_period_last_year().ok().map(|l| l.calendar_year()), (year > 1).then_some(year - 1));
    }
}

#[test]
fn elapsed_of_twelve_months_is_100() {
    for text in [
        "2023年1—12月",
        "2023年",
        "2023年下半年",
        "2023年四季度",
        "2023年12月",
    ] {
        let p: Period = text.parse().unwrap();
        assert_eq!(p.elapsed().percent(), Decimal::ONE_HUNDRED, "{text}");
    }
}

mod tables {
    use super::*;
    use tongji::{Observation, RollUp, Table};

    fn town(i: usize) -> String {
        format!("镇{i}")
    }

    proptest! {
        #[test]
        fn roll_up_of_children_is_their_exact_sum(values in prop::collection::vec(decimal(), 1..6)) {
            let mut t = Table::new();
            for (i, v) in values.iter().enumerate() {
                t.insert(Observation::new(&town(i), "retail", "2023年".parse().unwrap(), money(*v))).unwrap();
            }
            let names: Vec<String> = (0..values.len()).map(town).collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let up = t.roll_up("县", &refs, RollUp::new()).unwrap();
            let expected: Decimal = values.iter().copied().sum();
            prop_assert_eq!(up.len(), 1);
            prop_assert_eq!(up[0].value(), money(expected));
        }

        #[test]
        fn months_from_cumulative_then_accumulated_give_it_back(months in prop::collection::vec(decimal(), 12)) {
            // 累计 for 1—m月, then 当月 by difference, then 累计 again.
            let mut ytd = Table::new();
            let mut acc = Decimal::ZERO;
            for (m, v) in months.iter().enumerate() {
                acc += *v;
                let p = Period::year_to_month(2023, m as u8 + 1).unwrap();
                ytd.insert(Observation::new("县", "retail", p, money(acc))).unwrap();
            }
            let singles = ytd.monthly_from_cumulative("县", "retail", 2023).unwrap();
            prop_assert_eq!(singles.len(), 11);
            let mut monthly = Table::new();
            monthly.insert(Observation::new("县", "retail", Period::month(2023, 1).unwrap(), money(months[0]))).unwrap();
            for o in singles {
                monthly.insert(o).unwrap();
            }
            let again = monthly.cumulate("县", "retail", 2023).unwrap();
            for o in again.iter().filter(|o| o.period().is_cumulative()) {
                let original = ytd.get("县", "retail", &o.period()).unwrap();
                prop_assert_eq!(o.value(), original.value());
            }
        }

        #[test]
        fn csv_round_trip_keeps_values_and_digits(rows in prop::collection::vec((quantity_text(), 2000i32..2030, 1u8..=12), 1..20)) {
            let mut t = Table::new();
            for (i, (text, year, month)) in rows.iter().enumerate() {
                let q: Quantity = text.parse().unwrap();
                // Pick an indicator of the value's dimension where there is one; skip the rest.
                let indicator = t.catalog().iter().find(|ind| ind.unit().dimension() == q.dimension()).map(|i| i.code().to_string());
                let Some(indicator) = indicator else { continue };
                let o = Observation::new(&town(i), &indicator, Period::month(*year, *month).unwrap(), q);
                t.insert(o).unwrap();
            }
            let mut out = Vec::new();
            t.write_csv(&mut out, &tongji::WriteOptions::new()).unwrap();
            let (back, bad) = Table::read_csv(out.as_slice()).unwrap();
            prop_assert!(bad.is_empty(), "{:?}", bad);
            prop_assert_eq!(back.len(), t.len());
            for (a, b) in t.iter().zip(back.iter()) {
                prop_assert_eq!(a.value().to_string(), b.value().to_string());
                prop_assert_eq!(a.to_owned(), b.to_owned());
            }
        }
    }
}

mod no_panic {
    use super::*;
    use tongji::{Ledger, Rectification, Table};

    /// Any decimal a figure could carry: full 96-bit mantissas, scales up to 28.
    fn extreme() -> impl Strategy<Value = Quantity> {
        (
            any::<i64>(),
            any::<i32>(),
            0u32..=28,
            prop::sample::select(MAGNITUDES),
        )
            .prop_filter_map("fits", |(hi, lo, scale, m)| {
                let mantissa = i128::from(hi) * (1 << 32) + i128::from(lo);
                let value = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
                Quantity::new(value, m.parse().ok()?, Unit::YUAN).ok()
            })
    }

    /// CSV-shaped text from the characters and cells the readers care about.
    fn csv_like() -> impl Strategy<Value = String> {
        let cell = prop::sample::select(vec![
            "",
            "示例县",
            "gdp",
            "retail",
            "2023年",
            "2023年1—10月",
            "1亿元",
            "X",
            "46596",
            "万元",
            "光年",
            "4.1",
            "增长4.1%",
            "已完成",
            "延期",
            "经济体制",
            "2021年12月",
            "巡察",
            "已整改",
            "\"",
            "\u{feff}",
            "\u{ff}",
            "指标名称",
            "本月",
            "1-本月累计",
            "上年同期",
            "累计增长(%)",
            "完成率",
            "年度目标",
            "合计",
            "甲镇",
            "XX县2023年1-10月",
            "注：地区生产总值为前三季度数据",
            "单位：万元",
            "—",
            "(万元)",
            "#DIV/0!",
            "\t",
            ";",
        ]);
        let header = prop::sample::select(vec![
            "地区,指标,时期,数值,单位,同比增长,目标",
            "领域,任务,牵头单位,完成时限,状态,延期原因",
            "来源,问题,状态",
            "region,indicator,period,value",
            "XX县2023年1-10月主要经济指标\n指标名称,计量单位,本月,1-本月累计,上年同期累计,累计增长(%),年度目标,完成年度目标%",
            "指标名称\t甲镇\t乙乡\t合计",
            "",
        ]);
        (
            header,
            prop::collection::vec(prop::collection::vec(cell, 0..8), 0..8),
        )
            .prop_map(|(h, rows)| {
                let body: Vec<String> = rows.into_iter().map(|r| r.join(",")).collect();
                format!("{h}\n{}", body.join("\n"))
            })
    }

    proptest! {
        #[test]
        fn readers_never_panic(text in csv_like(), bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            for input in [text.as_bytes(), bytes.as_slice()] {
                if let Ok((t, _)) = Table::read_csv(input) {
                    let mut out = Vec::new();
                    prop_assert!(t.write_csv(&mut out, &tongji::WriteOptions::new()).is_ok());
                    let report = t.audit();
                    let _ = report.to_string();
                    prop_assert!(serde_json::to_string(&report).is_ok());
                }
                let _ = Ledger::read_csv(input);
                let _ = Rectification::read_csv(input);
                let _ = tongji::Catalog::read_csv(input);
                let options = tongji::WideOptions::new().region("示例县").period("2023年1—10月".parse().unwrap());
                for o in [tongji::WideOptions::new(), options] {
                    if let Ok(layout) = Table::inspect_wide_csv(input, &o) {
                        let _ = layout.to_string();
                    }
                    if let Ok((t, bad)) = Table::read_wide_csv(input, &o) {
                        prop_assert!(serde_json::to_string(&t).is_ok());
                        prop_assert!(serde_json::to_string(&bad).is_ok());
                    }
                }
            }
        }

        #[test]
        fn math_on_extreme_figures_never_panics(a in extreme(), b in extreme(), c in extreme()) {
            let _ = growth(&a, &b).map(|g| g.to_string());
            let _ = completion(&a, &b).map(|r| r.to_string());
            let _ = a.checked_add(&b);
            let _ = a.checked_sub(&b);
            let _ = tongji::per_unit(&a, &b);
            let _ = tongji::cagr(&b, &a, 7);
            let _ = tongji::multiple(&a, &b);
            if let Ok(s) = structure(&[a, b, c]) {
                let _ = s.to_string();
                let _ = s.sum_error();
                let _ = s.largest_remainder();
            }
            let _ = contributions(&[b, c], &[a, b]);
            for m in MAGNITUDES {
                let _ = a.to_magnitude(m.parse().unwrap());
            }
            let _ = a.rounded(Rounding::new(2)).map(|q| q.to_string());
        }

        #[test]
        fn audit_of_extreme_figures_never_panics(a in extreme(), b in extreme(), c in extreme(), places in 0u32..=28) {
            use tongji::audit;
            // Written figures (rounded at their last digit), as a report prints them.
            let written = |q: &Quantity| format!("{}{}", q.value(), q.magnitude().as_str()).parse::<Quantity>()
                .ok().and_then(|w| format!("{w}元").parse::<Quantity>().ok());
            let (a, b, c) = (written(&a).unwrap_or(a), written(&b).unwrap_or(b), written(&c).unwrap_or(c));
            let rate = format!("{}%", c.value().round_dp_with_strategy(places.min(10), rust_decimal::RoundingStrategy::MidpointAwayFromZero)).parse::<Rate>().unwrap_or_else(|_| "1%".parse().unwrap());
            let show = |f: tongji::Result<audit::Finding>| f.map(|f| (f.to_string(), f.expected_text().to_string()));
            let _ = show(audit::sum(&[a, b], &c));
            let _ = show(audit::part_of(&[a, b], &c));
            let _ = show(audit::difference(&a, &b, &c));
            let _ = show(audit::share(&a, &b, &rate));
            let _ = show(audit::completion(&a, &b, &rate));
            let _ = show(audit::growth(&a, &b, &Growth::from(rate)));
            let _ = show(audit::per_unit(&a, &b, &c));
            let _ = show(audit::multiple(&a, &b, &"2.5倍".parse().unwrap()));
            let _ = show(audit::pull(&a, &b, &c, &"1.5个百分点".parse().unwrap()));
            let _ = show(audit::contribution_share(&a, &b, &c, &a, &rate));
            let _ = show(audit::cagr(&a, &b, 5, &rate));
            let _ = show(audit::stated_twice(&a, &b));
            let _ = show(audit::cumulative(&a, &b));
            let _ = audit::structure(&[a, b, c], &[rate, rate, rate]).map(|v| v.iter().map(ToString::to_string).count());
            let _ = show(audit::average_growth(&[rate, rate], &rate));
            let _ = show(audit::points(&rate, &rate, &"0.5个百分点".parse().unwrap()));
        }
    }
}
