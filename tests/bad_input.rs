//! Bad input as real users feed it: one regression test per class of finding (issue 14).

use tongji::{ErrorKind, Quantity, Table};

fn lines(csv: &str) -> (Vec<Option<u64>>, Vec<Option<u64>>) {
    let (t, bad) = Table::read_csv(csv.as_bytes()).unwrap();
    (
        t.iter().map(|o| o.line()).collect(),
        bad.iter()
            .map(|e| e.location().and_then(|l| l.line()))
            .collect(),
    )
}

#[test]
fn line_numbers_with_crlf() {
    let csv = "地区,指标,时期,数值,同比增长\r\n示例县,社会消费品零售总额,2023年,120.5亿元,7.1\r\n示例县,社会消费品零售总额,2022年,X亿元,\r\n";
    assert_eq!(lines(csv), (vec![Some(2)], vec![Some(3)]));
}

#[test]
fn line_numbers_with_cr_only_and_blank_lines() {
    let csv = "地区,指标,时期,数值\r示例县,gdp,2023年,1亿元\r示例县,gdp,2022年,X亿元\r";
    assert_eq!(lines(csv), (vec![Some(2)], vec![Some(3)]));
    let csv = "地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n\n示例县,gdp,2022年,X亿元\n";
    assert_eq!(lines(csv), (vec![Some(2)], vec![Some(4)]));
}

#[test]
fn no_data_markers_in_the_growth_column() {
    for marker in ["—", "-", "--", "…", "/"] {
        let csv = format!("地区,指标,时期,数值,同比增长\n示例县,gdp,2023年,1亿元,{marker}\n");
        let (t, bad) = Table::read_csv(csv.as_bytes()).unwrap();
        assert!(bad.is_empty(), "{marker}: {bad:?}");
        assert_eq!(t.len(), 1);
        assert_eq!(t.iter().next().unwrap().yoy(), None);
    }
}

#[test]
fn unit_cell_with_a_number_or_a_qualifier() {
    let (t, bad) =
        Table::read_csv("地区,指标,时期,数值,单位\n示例县,gdp,2023年,3,0.5亿元\n".as_bytes())
            .unwrap();
    assert_eq!((t.len(), bad.len()), (0, 1), "{bad:?}");
    // A qualifier in the unit cell is not dropped: the row is refused, saying where 余 belongs.
    let (t, bad) = Table::read_csv(
        "地区,指标,时期,数值,单位\n示例县,粮食播种面积,2023年,200,余亩\n".as_bytes(),
    )
    .unwrap();
    assert_eq!((t.len(), bad.len()), (0, 1));
    assert!(bad[0].to_string().contains("余"), "{}", bad[0]);
    // With the figure it is kept.
    let (t, bad) =
        Table::read_csv("地区,指标,时期,数值\n示例县,粮食播种面积,2023年,200余亩\n".as_bytes())
            .unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(t.iter().next().unwrap().value().to_string(), "200余亩");
}

#[test]
fn unclosed_quote() {
    let csv = "地区,指标,时期,数值\n\"示例县,gdp,2023年,1亿元\n示例县,gdp,2022年,1亿元\n示例县,gdp,2021年,1亿元\n";
    let (t, bad) = Table::read_csv(csv.as_bytes()).unwrap();
    assert_eq!(bad.len(), 1);
    assert!(bad[0].to_string().contains("line 2"), "{}", bad[0]);
    let _ = t;
}

#[test]
fn strict_mode_stops_at_the_first_bad_line() {
    let csv = "地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n示例县,gdp,2022年,1亿元\n示例县,gdp,2021年,1亿元\n示例县,gdp,2020年,1亿元\n示例县,gdp,2023年,2亿元\n示例县,gdp,2023年13月,1亿元\n";
    let err =
        Table::read_csv_with(csv.as_bytes(), &tongji::CsvOptions::new().strict(true)).unwrap_err();
    assert_eq!(err.location().and_then(|l| l.line()), Some(6), "{err}");
}

#[test]
fn bom_inside_a_row() {
    let csv = "地区,指标,时期,数值\n\u{feff}示例县,gdp,2023年,1亿元\n";
    let (t, _) = Table::read_csv(csv.as_bytes()).unwrap();
    assert_eq!(t.regions().collect::<Vec<_>>(), ["示例县"]);
}

#[test]
fn the_28_digit_limit() {
    let big: Quantity = "9999999999999999999999999999元".parse().unwrap();
    assert!(big.checked_add(&"0.5元".parse().unwrap()).is_err());
    let big_sum = big.checked_add(&"0.5元".parse().unwrap()).unwrap_err();
    assert_eq!(big_sum.kind(), ErrorKind::Overflow, "{big_sum}");
    // Exact sums at the limit still work: 28 nines + 1 is 10^28.
    assert_eq!(
        big.checked_add(&"1元".parse().unwrap())
            .unwrap()
            .to_string(),
        "10000000000000000000000000000元"
    );
    // A last digit below 10⁻²⁸ of the base unit is refused when read, never taken as 0.
    match "0.0000000000000000000000000001平方米".parse::<Quantity>() {
        Ok(tiny) => assert_ne!(tiny, "0亩".parse::<Quantity>().unwrap()),
        Err(e) => assert_eq!(e.kind(), ErrorKind::Overflow, "{e}"),
    }
}

#[test]
fn ratio_units() {
    let q = |s: &str| s.parse::<Quantity>().unwrap();
    assert_eq!(
        q("8500元/平方米")
            .checked_sub(&q("8200元/平方米"))
            .unwrap()
            .to_string(),
        "300元/平方米"
    );
    assert_eq!(
        q("7500公斤/公顷")
            .checked_add(&q("7500公斤/公顷"))
            .unwrap()
            .to_string(),
        "15000公斤/公顷"
    );
    assert_eq!(
        q("2克/平方米")
            .checked_add(&q("1克/平方米"))
            .unwrap()
            .to_string(),
        "3克/平方米"
    );
    assert_eq!(q("15元/公顷"), q("1元/亩"));
}

#[test]
fn nth_roots() {
    let q = |s: &str| s.parse::<Quantity>().unwrap();
    let r = tongji::cagr(&q("1260582亿元"), &q("3679亿元"), 45).unwrap();
    assert_eq!(r.to_string(), "13.8%");
    // China's GDP, 3679亿元 in 1978 to 1260582亿元 in 2023 (国家统计局): 13.8% a year.
    assert_eq!(
        tongji::cagr(&q("300亿元"), &q("1亿元"), 30)
            .unwrap()
            .to_string(),
        "20.9%"
    );
    let rate = |s: &str| s.parse::<tongji::Rate>().unwrap();
    let avg = |g: &str, n: usize| tongji::average_growth(&vec![rate(g); n]).unwrap();
    assert_eq!(avg("100%", 20).to_string(), "100.0%");
    assert_eq!(avg("-98%", 20).to_string(), "-98.0%");
    assert_eq!(avg("-92%", 25).to_string(), "-92.0%");
    assert_eq!(avg("7.5%", 200).to_string(), "7.5%");
    // The range of an average of rounded rates holds the average of the rates as written.
    assert!(avg("-92%", 25).interval().contains("-92".parse().unwrap()));
}

#[test]
fn kilo_before_gram_or_metre_reads_back_as_the_same_amount() {
    // 千 before 克 or 米 reads as 千克 / 千米: whatever a quantity prints must read back equal.
    use tongji::{Decimal, Magnitude, Unit};
    let magnitudes = [
        "", "十", "百", "千", "万", "十万", "百万", "千万", "亿", "十亿", "百亿", "千亿", "万亿",
    ];
    for unit in [
        "克",
        "千克",
        "公斤",
        "米",
        "千米",
        "公里",
        "吨",
        "克/平方米",
        "千克/公顷",
    ] {
        let unit: Unit = unit.parse().unwrap();
        for m in magnitudes {
            let m: Magnitude = if m.is_empty() {
                Magnitude::One
            } else {
                m.parse().unwrap()
            };
            for value in [Decimal::new(3, 0), Decimal::new(25, 1), Decimal::new(1, 3)] {
                let q = Quantity::new(value, m, unit).unwrap();
                let text = q.to_string();
                let back: Quantity = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
                assert_eq!(back, q, "{text}");
            }
        }
    }
    let q: Quantity = "3千千克".parse().unwrap();
    let g = q.to_unit("克".parse::<tongji::Unit>().unwrap()).unwrap();
    assert_eq!(g.to_string().parse::<Quantity>().unwrap(), q);
}

#[test]
fn error_messages() {
    let e = "比上年增长8上".parse::<tongji::Growth>().unwrap_err();
    assert!(e.to_string().contains("比上年增长8上"), "{e}");
    let e = "增长".parse::<tongji::Growth>().unwrap_err();
    assert!(!e.to_string().contains("\"\""), "{e}");
    let _ = ErrorKind::Parse;
}

#[test]
fn huge_cells_are_clipped_in_messages() {
    let cell = "1".repeat(5_000_000) + "亿元x";
    let csv = format!(
        "地区,指标,时期,数值,同比增长\n示例县,gdp,2023年,{cell},\n示例县,gdp,2022年,1亿元,{cell}\n"
    );
    let (t, bad) = Table::read_csv(csv.as_bytes()).unwrap();
    assert_eq!((t.len(), bad.len()), (0, 2), "{bad:?}");
    for e in &bad {
        let message = e.to_string();
        assert!(message.len() < 1_000, "{} bytes", message.len());
        assert!(message.contains("…"), "{message}");
        // Refused by its length before it is looked at (a 50 MB cell once took 529 MB).
        assert!(message.contains("longer than any figure"), "{message}");
    }
    let big_region = "县".repeat(1_000_000);
    let csv = format!("地区,指标,时期,数值\n{big_region},gdp,2023年13月,1亿元\n");
    let (_, bad) = Table::read_csv(csv.as_bytes()).unwrap();
    assert!(bad[0].to_string().len() < 1_000);
}

#[test]
fn error_messages_quote_the_input_and_name_the_column() {
    // A number in scientific notation in the value column is blamed on 数值, not on 单位.
    let (_, bad) =
        Table::read_csv("地区,指标,时期,数值,单位\n示例县,gdp,2023年,1.20E+05,万元\n".as_bytes())
            .unwrap();
    assert_eq!(
        bad[0].location().and_then(|l| l.column()),
        Some("数值"),
        "{}",
        bad[0]
    );
    assert!(
        bad[0].to_string().contains("\"1.20E+05\"")
            && bad[0].to_string().contains("scientific notation"),
        "{}",
        bad[0]
    );
    // Without a unit cell too.
    let (_, bad) =
        Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,3E+5\n".as_bytes()).unwrap();
    assert!(
        bad[0].to_string().contains("scientific notation"),
        "{}",
        bad[0]
    );
    // A bad unit next to a plain number is the unit column's.
    let (_, bad) =
        Table::read_csv("地区,指标,时期,数值,单位\n示例县,gdp,2023年,3,亿圆\n".as_bytes()).unwrap();
    assert_eq!(
        bad[0].location().and_then(|l| l.column()),
        Some("单位"),
        "{}",
        bad[0]
    );
    // The whole of a bad growth text is quoted.
    let e = "比上年增长8上".parse::<tongji::Growth>().unwrap_err();
    assert!(e.to_string().contains("\"比上年增长8上\""), "{e}");
    let e = "增长".parse::<tongji::Growth>().unwrap_err();
    assert!(e.to_string().contains("\"增长\""), "{e}");
}

#[test]
fn totals_rows_are_recognised_checked_and_never_counted_twice() {
    use tongji::RollUp;
    use tongji::audit::{Rule, Verdict};
    let csv = "地区,指标,时期,数值\n甲镇,retail,2023年,1.00亿元\n乙镇,retail,2023年,2.00亿元\n合计,retail,2023年,4.00亿元\n";
    let (t, _) = Table::read_csv(csv.as_bytes()).unwrap();
    // 合计 is the sum of the others: checked against them.
    let report = t.audit();
    let f = report
        .findings()
        .iter()
        .find(|f| f.rule() == Rule::Sum)
        .expect("a sum check");
    assert_eq!(
        (f.verdict(), f.expected_text()),
        (Verdict::Inconsistent, "3.00亿元")
    );
    // Never a part of a roll-up.
    assert_eq!(t.part_regions(), ["甲镇", "乙镇"]);
    let err = t
        .roll_up("全县", &["甲镇", "乙镇", "合计"], RollUp::new())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::OutOfRange, "{err}");
    assert!(err.to_string().contains("合计"), "{err}");
    let up = t.roll_up("全县", &t.part_regions(), RollUp::new()).unwrap();
    assert_eq!(up[0].value().to_string(), "3.00亿元");
    // A child named twice is an error, not an empty roll-up.
    let err = t
        .roll_up("全县", &["甲镇", "甲镇"], RollUp::new())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Duplicate, "{err}");
    // A county with its townships: the county is the whole, not a part.
    let csv = "地区,指标,时期,数值\n示例县,retail,2023年,3亿元\n甲镇,retail,2023年,1亿元\n乙乡,retail,2023年,2亿元\n";
    let (t, _) = Table::read_csv(csv.as_bytes()).unwrap();
    assert_eq!(t.part_regions(), ["甲镇", "乙乡"]);
}

#[test]
fn computed_figures_through_json_and_csv_print_the_same() {
    use tongji::{Decimal, Observation, Rate, WriteOptions};
    let q = |s: &str| s.parse::<Quantity>().unwrap();
    // JSON: every digit and what it prints.
    let r = Rate::from_percent(Decimal::new(7233, 3));
    let back: Rate = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(
        (back.to_string(), back.percent()),
        ("7.2%".into(), r.percent())
    );
    let c = tongji::completion(&q("1万元"), &q("3万元")).unwrap();
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(
        json,
        r#"{"value":"33.333333333333333333333333333%","shown":"33.3%"}"#
    );
    let back: Rate = serde_json::from_str(&json).unwrap();
    assert_eq!((back.to_string(), back), ("33.3%".into(), c));
    // A written figure stays a string, read back as written.
    let w: Rate = "7.233%".parse().unwrap();
    assert_eq!(serde_json::to_string(&w).unwrap(), r#""7.233%""#);
    // A "shown" that the value does not print is refused.
    assert!(serde_json::from_str::<Rate>(r#"{"value":"7.233%","shown":"7.3%"}"#).is_err());
    // CSV: a computed figure as it prints, so a round trip prints the same.
    let t = Table::from_observations([Observation::new(
        "示例县",
        "gdp",
        "2023年".parse().unwrap(),
        q("1亿元"),
    )
    .with_yoy(r)])
    .unwrap();
    let mut csv = Vec::new();
    t.write_csv(&mut csv, &WriteOptions::new()).unwrap();
    let text = String::from_utf8(csv).unwrap();
    assert!(text.ends_with(",7.2%,\n"), "{text}");
    let (again, _) = Table::read_csv(text.as_bytes()).unwrap();
    assert_eq!(
        again.iter().next().unwrap().yoy().unwrap().to_string(),
        "7.2%"
    );
    let mut exact = Vec::new();
    t.write_csv(&mut exact, &WriteOptions::new().exact(true))
        .unwrap();
    assert!(String::from_utf8(exact).unwrap().ends_with(",7.233%,\n"));
}

#[test]
fn found_by_fuzzing_a_huge_negative_number_before_cheng_does_not_panic() {
    // 成 counts tenths (两成 = 20%): "-79228162514264337593543950335成" overflowed × 10.
    let text = "比上年-79228162514264337593543950335成，占比12成";
    let found: Vec<_> = tongji::text::figures(text).collect();
    assert!(found.iter().all(|f| !matches!(f.value(), tongji::text::FigureValue::Rate(r) if r.percent().is_sign_negative())));
    let _ = tongji::audit::text(text).unwrap();
}

#[test]
fn found_by_fuzzing_a_region_full_of_tabs_reads_back_from_the_csv_written() {
    use tongji::WriteOptions;
    let region = format!("示例县{}8", "\t".repeat(60));
    let csv = format!(
        "地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n{region},gdp,2023年,2亿元\n示例县,gdp,2022年,1亿元\n"
    );
    let (t, bad) = Table::read_csv(csv.as_bytes()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let mut out = Vec::new();
    t.write_csv(&mut out, &WriteOptions::new().exact(true))
        .unwrap();
    let (again, bad) = Table::read_csv(out.as_slice()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(again.len(), t.len());
}

#[test]
fn a_table_built_by_insert_in_any_order_is_the_table_read_sorted() {
    use tongji::{Observation, Period};
    let obs: Vec<Observation> = (0..500)
        .map(|i| {
            let (year, month) = (2000 + (i * 7919 % 500) / 12, 1 + (i * 7919 % 500) % 12);
            Observation::new(
                if i % 3 == 0 { "甲镇" } else { "乙乡" },
                "retail",
                Period::month(year, month as u8).unwrap(),
                format!("{i}万元").parse().unwrap(),
            )
        })
        .collect();
    let mut inserted = Table::new();
    let mut newest_first = Table::new();
    for o in &obs {
        inserted.insert(o.clone()).unwrap();
    }
    for o in obs.iter().rev() {
        newest_first.insert(o.clone()).unwrap();
    }
    let all = Table::from_observations(obs.clone()).unwrap();
    let key = |t: &Table| -> Vec<String> {
        t.iter()
            .map(|o| format!("{} {} {}", o.region(), o.period(), o.value()))
            .collect()
    };
    assert_eq!(key(&inserted), key(&all));
    // Regions are ordered as first seen: newest first, 乙乡 comes first; the rows are the same.
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    assert_eq!(sorted(key(&newest_first)), sorted(key(&all)));
    let in_key_order = |t: &Table| {
        t.iter()
            .map(|o| (t.regions().position(|r| r == o.region()), o.period()))
            .collect::<Vec<_>>()
    };
    let order = in_key_order(&newest_first);
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "iterated in key order"
    );
    // Every one is found, and a second insert of any is a duplicate.
    for o in &obs {
        assert!(
            inserted
                .get(o.region(), o.indicator(), &o.period())
                .is_some()
        );
        assert_eq!(
            newest_first.insert(o.clone()).unwrap_err().kind(),
            ErrorKind::Duplicate
        );
    }
    assert_eq!(newest_first.len(), 500);
}

#[test]
fn one_stray_byte_in_utf8_is_one_bad_row() {
    let mut csv = "地区,指标,时期,数值\n".as_bytes().to_vec();
    for year in 2010..2020 {
        csv.extend_from_slice(
            format!("示例县,社会消费品零售总额,{year}年,{year}万元\n").as_bytes(),
        );
    }
    csv.extend_from_slice("示例县,社会消费品零售总额,2020年,".as_bytes());
    csv.push(0xFF);
    csv.extend_from_slice("万元\n示例县,社会消费品零售总额,2021年,2021万元\n".as_bytes());
    let (t, bad) = Table::read_csv(csv.as_slice()).unwrap();
    assert_eq!(
        t.len(),
        11,
        "the other rows are read as UTF-8, not as GB18030"
    );
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].location().and_then(|l| l.line()), Some(12));
    assert_eq!(bad[0].kind(), ErrorKind::Encoding);
    assert!(t.regions().all(|r| r == "示例县"));
}

#[test]
fn found_by_fuzzing_a_placeholder_does_not_take_the_line_break_after_its_unit() {
    let text = "全县接待游客X次\r\n，同比增长11.8%。\n";
    let found: Vec<_> = tongji::text::figures(text).collect();
    assert_eq!(found[0].text(), "X次");
    for st in tongji::text::statements(text) {
        let (figure, sentence) = (st.figure().span(), st.sentence());
        assert!(
            sentence.start <= figure.start && figure.end <= sentence.end,
            "{:?} in {sentence:?}",
            st.figure().text()
        );
    }
}

/// Found by the fast reader's equivalence property: the unit cache keyed "1,234万元" by what
/// follows its first digits (",234万元"), so a later "5,234万元" read as 5万元. Quoted (the
/// general path) and tab-separated (the fast path), strict and lenient.
#[test]
fn thousands_separators_are_never_taken_for_a_unit() {
    let quoted =
        "地区,指标,时期,数值\n甲镇,retail,2022年,\"1,234万元\"\n甲镇,retail,2023年,\"5,234万元\"\n";
    let tabbed = "地区\t指标\t时期\t数值\n甲镇\tretail\t2022年\t1,234万元\n甲镇\tretail\t2023年\t5,234万元\n";
    for csv in [quoted, tabbed] {
        for strict in [false, true] {
            let options = tongji::CsvOptions::new().strict(strict);
            let (t, bad) = Table::read_csv_with(csv.as_bytes(), &options).unwrap();
            assert!(bad.is_empty());
            let values: Vec<String> = t.iter().map(|o| o.value().to_string()).collect();
            assert_eq!(values, ["1234万元", "5234万元"], "{csv:?} strict {strict}");
        }
    }
}
