//! JSON and CSV round trips keep every written digit; JSON numbers are read exactly where they
//! can be, and refused where a double may have lost digits; deserialized ledger counts are checked.

use proptest::prelude::*;
use tongji::{Growth, Period, Rate, Summary, Table, WriteOptions};

#[test]
fn json_numbers_are_read_as_written() {
    let rate: Rate = serde_json::from_str("6.6").unwrap();
    assert_eq!(rate.to_string(), "6.6%");
    let growth: Growth = serde_json::from_str("-2.3").unwrap();
    assert_eq!(growth.to_string(), "下降2.3%");
    let year: Period = serde_json::from_str("2023").unwrap();
    assert_eq!(year.to_string(), "2023年");
    for (iso, shown) in [
        ("\"2023-10\"", "2023年10月"),
        ("\"2023-Q3\"", "2023年三季度"),
        ("\"2023-01/2023-10\"", "2023年1—10月"),
        ("\"2023年1至10月\"", "2023年1—10月"),
    ] {
        let p: Period = serde_json::from_str(iso).unwrap();
        assert_eq!(p.to_string(), shown);
    }
    // An integer keeps all its digits, even past a double's.
    let big: Rate = serde_json::from_str("12345678901234567").unwrap();
    assert_eq!(big.to_string(), "12345678901234567%");
    // A fraction with more digits than a double keeps exactly is refused, not rounded.
    let err = serde_json::from_str::<Rate>("0.12345678901234567").unwrap_err();
    assert!(err.to_string().contains("send it as a string"), "{err}");
    let q: tongji::Quantity = serde_json::from_str("\"47149万元\"").unwrap();
    assert_eq!(q.to_string(), "47149万元");
    assert!(serde_json::from_str::<tongji::Quantity>("47149").is_err()); // no unit
}

#[test]
fn observations_take_a_bare_number_with_a_unit() {
    let json = r#"[
        {"region": "XX县", "indicator": "固定资产投资(不含农户)", "period": "2023-01/2023-10", "value": 47149, "unit": "万元", "yoy": 6.6, "target": 56000},
        {"region": "XX县", "indicator": "fai", "period": "2022年1—10月", "value": "4.5695亿元"}
    ]"#;
    let t: Table = serde_json::from_str(json).unwrap();
    let p = "2023年1—10月".parse().unwrap();
    assert_eq!(t.growth("XX县", "fai", &p).unwrap().to_string(), "增长6.6%");
    assert_eq!(
        t.completion("XX县", "fai", &p).unwrap().to_string(),
        "84.2%"
    );
    let dup = r#"[{"region":"a","indicator":"gdp","period":"2023","value":"1亿元"},{"region":"a","indicator":"gdp","period":"2023年","value":"2亿元"}]"#;
    let err = serde_json::from_str::<Table>(dup).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("duplicate observation a / 地区生产总值 / 2023年"),
        "{err}"
    );
}

#[test]
fn ledger_counts_are_checked_when_read() {
    let seed = include_bytes!("../examples/data/ledger_2021.csv");
    let (ledger, _) = tongji::Ledger::read_csv(seed.as_slice()).unwrap();
    let json = serde_json::to_string(&ledger.summary()).unwrap();
    let back: Summary = serde_json::from_str(&json).unwrap();
    assert_eq!(back, ledger.summary());
    let bad = r#"{"overall":{"total":10,"completed":20,"in_progress":0,"deferred":0,"cancelled":0,"not_started":0,"institutional":0},"domains":[]}"#;
    let err = serde_json::from_str::<Summary>(bad).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "task counts: 20 completed, 0 in progress, 0 deferred, 0 cancelled and 0 not started do not add up to the total 10"
        ),
        "{err}"
    );
}

#[test]
fn rectification_counts_are_checked_when_read() {
    let (list, _) = tongji::Rectification::read_csv(
        "来源,问题,状态\n巡察,问题一,已整改\n巡察,问题二,整改中\n".as_bytes(),
    )
    .unwrap();
    let json = serde_json::to_string(&list.counts()).unwrap();
    assert_eq!(
        json,
        r#"{"found":2,"rectified":1,"in_progress":1,"not_started":0}"#
    );
    let back: tongji::RectificationCounts = serde_json::from_str(&json).unwrap();
    assert_eq!(back, list.counts());
    let bad = r#"{"found":2,"rectified":3,"in_progress":0,"not_started":0}"#;
    assert!(serde_json::from_str::<tongji::RectificationCounts>(bad).is_err());
}

#[test]
fn reports_and_errors_serialize() {
    let csv = "地区,指标,时期,数值,同比增长,目标\n示例县,fai,2023年1—10月,47149万元,6.6,5.6亿元\n示例县,fai,2022年1—10月,45695万元,,\n示例县,茶叶产量,2023年1—10月,1250吨,,\n";
    let (t, bad) = Table::read_csv(csv.as_bytes()).unwrap();
    assert!(bad.is_empty());
    let report = t
        .report("示例县", &"2023年1—10月".parse().unwrap())
        .unwrap();
    let json = serde_json::to_value(&report).unwrap();
    let fai = &json["lines"][0];
    assert_eq!(fai["indicator"], "固定资产投资");
    assert_eq!(fai["current"], "47149万元");
    assert_eq!(fai["previous"], "45695万元");
    assert_eq!(fai["yoy"], "增长6.6%");
    assert_eq!(fai["completion"], "84.2%");
    assert_eq!(fai["schedule_gap"], "快于序时进度0.9个百分点");
    let tea = &json["lines"][1];
    assert_eq!(
        (tea["indicator"].as_str(), tea["ad_hoc"].as_bool()),
        (Some("茶叶产量"), Some(true))
    );
    assert!(report.to_string().contains("茶叶产量（目录外）"));
}

/// A figure as an office writes it: 1–6 integer digits, 0–4 places (trailing zeros kept), a
/// magnitude and unit.
fn figure() -> impl Strategy<Value = String> {
    (
        0u32..1_000_000,
        0u32..5,
        0u32..10_000,
        prop::sample::select(vec![
            "万元",
            "亿元",
            "元",
            "万千瓦时",
            "万人次",
            "吨",
            "亩",
            "标箱",
        ]),
    )
        .prop_map(|(int, places, frac, unit)| {
            let frac = format!("{frac:04}");
            match places {
                0 => format!("{int}{unit}"),
                p => format!("{int}.{}{unit}", &frac[..p as usize]),
            }
        })
}

/// A growth rate as written: a sign, 0–3 integer digits, 0–2 places (trailing zeros kept).
fn rate() -> impl Strategy<Value = String> {
    (any::<bool>(), 0u32..1000, 0u32..100, 0usize..3).prop_map(|(negative, int, frac, places)| {
        // (A negative zero, "-0.0%", is read as 0.0%: its sign is not kept.)
        let zero = int == 0 && (places == 0 || frac < 10_u32.pow(2 - places as u32));
        let sign = if negative && !zero { "-" } else { "" };
        let frac = format!("{frac:02}");
        match places {
            0 => format!("{sign}{int}%"),
            p => format!("{sign}{int}.{}%", &frac[..p]),
        }
    })
}

fn row_texts(t: &Table) -> Vec<String> {
    t.iter()
        .map(|o| {
            format!(
                "{}|{}|{}|{}|{}",
                o.region(),
                o.indicator().name(),
                o.period(),
                o.value(),
                o.yoy().map(|r| r.to_string()).unwrap_or_default()
            )
        })
        .collect()
}

proptest! {
    #[test]
    fn csv_and_json_round_trips_keep_every_written_digit(
        rows in prop::collection::vec((figure(), prop::option::of(rate()), 2000i32..2030), 1..20)
    ) {
        // One indicator per row (an ad-hoc one each), so that units never clash and keys never repeat.
        let mut csv = String::from("地区,指标,时期,数值,同比增长\n");
        for (i, (value, yoy, year)) in rows.iter().enumerate() {
            csv.push_str(&format!("示例县,指标{i},{year}年,{value},{}\n", yoy.clone().unwrap_or_default()));
        }
        let (table, bad) = Table::read_csv(csv.as_bytes()).unwrap();
        prop_assert!(bad.is_empty(), "{bad:?}");
        let written: Vec<String> = rows.iter().map(|(v, _, _)| v.clone()).collect();
        let mut shown: Vec<String> = table.iter().map(|o| o.value().to_string()).collect();
        let mut expected = written.clone();
        shown.sort();
        expected.sort();
        prop_assert_eq!(shown, expected);
        // CSV → table → CSV → table.
        let mut out = Vec::new();
        table.write_csv(&mut out, &WriteOptions::new()).unwrap();
        let (again, bad) = Table::read_csv(out.as_slice()).unwrap();
        prop_assert!(bad.is_empty());
        prop_assert_eq!(row_texts(&again), row_texts(&table));
        // JSON → table → JSON.
        let json = serde_json::to_string(&table).unwrap();
        let back: Table = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
        prop_assert_eq!(row_texts(&back), row_texts(&table));
    }

    #[test]
    fn wide_csv_reads_every_written_digit(
        rows in prop::collection::vec((figure(), figure(), prop::option::of(rate())), 1..15)
    ) {
        let mut csv = String::from("示例县2023年1-10月主要指标\n指标名称,1-本月累计,上年同期累计,累计增长(%)\n");
        for (i, (current, previous, yoy)) in rows.iter().enumerate() {
            // The same unit for both years.
            let unit: String = current.chars().filter(|c| !c.is_ascii_digit() && *c != '.').collect();
            let previous: String = previous.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect::<String>() + &unit;
            csv.push_str(&format!("指标{i},{current},{previous},{}\n", yoy.clone().unwrap_or_default().trim_end_matches('%')));
        }
        let (table, bad) = Table::read_wide_csv(csv.as_bytes(), &tongji::WideOptions::new()).unwrap();
        prop_assert!(bad.is_empty(), "{bad:?}");
        let now: Period = "2023年1—10月".parse().unwrap();
        for (i, (current, _, yoy)) in rows.iter().enumerate() {
            let o = table.get("示例县", &format!("指标{i}"), &now).unwrap();
            prop_assert_eq!(o.value().to_string(), current.clone());
            prop_assert_eq!(o.yoy().map(|r| r.to_string()), yoy.clone());
        }
    }
}
