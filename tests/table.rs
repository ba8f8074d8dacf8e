//! Tables and CSV: golden files (English and Chinese headers, BOM, GBK, bad rows), round trips
//! through CSV and JSON, and the per-row figures.

use tongji::{
    CsvOptions, ErrorKind, Growth, Observation, Period, Quantity, Rate, Status, Table, WriteOptions,
};

const GOOD: &[u8] = include_bytes!("data/good.csv");
const GOOD_BOM: &[u8] = include_bytes!("data/good_bom.csv");
const GBK: &[u8] = include_bytes!("data/gbk.csv");
const BAD_ROWS: &[u8] = include_bytes!("data/bad_rows.csv");

fn p(s: &str) -> Period {
    s.parse().unwrap()
}

fn check_good(table: &Table, region: &str) {
    assert_eq!(table.len(), 5);
    let retail = table.get(region, "retail", &p("2023年")).unwrap();
    assert_eq!(retail.value().to_string(), "120.5亿元");
    assert_eq!(retail.status(), Status::Estimated);
    assert_eq!(retail.target().unwrap().to_string(), "125亿元");
    assert_eq!(
        table
            .growth(region, "社会消费品零售总额", &p("2023年"))
            .unwrap()
            .to_string(),
        "增长9.5%"
    );
    assert!(
        table
            .yoy(region, "retail", &p("2023年"))
            .unwrap()
            .is_recomputed()
    );
    assert_eq!(
        table
            .completion(region, "retail", &p("2023年"))
            .unwrap()
            .to_string(),
        "96.4%"
    );
    let gdp = table
        .get(region, "地区生产总值", &p("2023年前三季度"))
        .unwrap();
    assert_eq!(gdp.yoy().unwrap().to_string(), "5.5%");
    assert_eq!(gdp.status(), Status::Preliminary);
    assert_eq!(
        table
            .growth(region, "gdp", &p("2023年1—9月"))
            .unwrap()
            .to_string(),
        "增长5.5%"
    );
    assert_eq!(
        table
            .completion(region, "fai", &p("2023年1—10月"))
            .unwrap()
            .to_string(),
        "105.9%"
    );
    assert_eq!(
        table
            .schedule_gap(region, "fai", &p("2023年1—10月"))
            .unwrap()
            .to_string(),
        "快于序时进度22.6个百分点"
    );
    assert_eq!(
        table
            .growth(region, "接待游客", &p("2023年1—10月"))
            .unwrap()
            .to_string(),
        "增长11.8%"
    );
}

#[test]
fn english_headers_with_unit_column() {
    let (table, bad) = Table::read_csv(GOOD).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    check_good(&table, "示例县");
}

#[test]
fn chinese_headers_with_bom_and_units_in_values() {
    let (table, bad) = Table::read_csv(GOOD_BOM).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    check_good(&table, "示例县");
}

#[cfg(feature = "gbk")]
#[test]
fn gbk_is_decoded() {
    assert!(
        String::from_utf8(GBK.to_vec()).is_err(),
        "the golden file is really GB18030"
    );
    let (table, bad) = Table::read_csv(GBK).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    check_good(&table, "示例縣");
}

/// Excel's "Unicode text" export: UTF-16LE with a BOM, tab-separated, CRLF.
fn utf16_export(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        let pair = if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

#[cfg(feature = "gbk")]
#[test]
fn utf16_with_a_bom_is_decoded_in_both_byte_orders() {
    let text = "地区\t指标\t时期\t数值\r\n示例县\t社会消费品零售总额\t2023年\t120.5亿元\r\n示例县\t社会消费品零售总额\t2022年\tX亿元\r\n";
    for little in [true, false] {
        let (table, bad) = Table::read_csv(utf16_export(text, little).as_slice()).unwrap();
        let got = table
            .get("示例县", "社会消费品零售总额", &p("2023年"))
            .unwrap();
        assert_eq!(got.value().to_string(), "120.5亿元");
        assert_eq!(bad.len(), 1, "{bad:?}");
        assert_eq!(bad[0].location().and_then(|l| l.line()), Some(3));
    }
}

#[cfg(not(feature = "gbk"))]
#[test]
fn utf16_without_the_feature_is_an_encoding_error() {
    let bytes = utf16_export("地区\t指标\t时期\t数值\r\n", true);
    assert_eq!(
        Table::read_csv(bytes.as_slice()).unwrap_err().kind(),
        ErrorKind::Encoding
    );
}

#[cfg(not(feature = "gbk"))]
#[test]
fn gbk_without_the_feature_is_reported_at_the_header() {
    // The GB18030 header is not UTF-8: without the feature the file is refused at line 1.
    let err = Table::read_csv(GBK).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Encoding, "{err}");
    assert_eq!(err.location().and_then(|l| l.line()), Some(1));
}

#[test]
fn bad_rows_have_line_column_and_reason_and_good_rows_are_kept() {
    // By default an unknown indicator is an ad-hoc entry, not a bad row.
    let (lenient, bad) = Table::read_csv(BAD_ROWS).unwrap();
    assert_eq!((lenient.len(), bad.len()), (3, 7));
    assert!(lenient.catalog().get("无此指标").unwrap().is_ad_hoc());
    let (table, bad) =
        Table::read_csv_with(BAD_ROWS, &CsvOptions::new().strict_catalog(true)).unwrap();
    assert_eq!(table.len(), 2);
    assert!(table.get("示例县", "retail", &p("2023年")).is_some());
    assert!(table.get("示例县", "fai", &p("2022年")).is_some());
    let found: Vec<(u64, String)> = bad
        .iter()
        .map(|e| {
            let at = e.location().unwrap_or_else(|| panic!("not located: {e}"));
            (at.line().unwrap(), at.column().unwrap().to_string())
        })
        .collect();
    let expected = [
        (3, "指标"),
        (4, "时期"),
        (5, "数值"),
        (6, "数值"),
        (7, "地区/指标/时期"),
        (8, "同比增长"),
        (9, "地区"),
        (10, "目标"),
    ];
    assert_eq!(found, expected.map(|(l, c)| (l, c.to_string())));
    let text: Vec<String> = bad.iter().map(|e| e.to_string()).collect();
    assert!(text[0].contains("无此指标"), "{}", text[0]);
    assert!(text[2].contains("placeholder"), "{}", text[2]);
    assert!(text[3].contains("人次 and 元"), "{}", text[3]);
    assert_eq!(
        text[4],
        "line 7, column 地区/指标/时期: duplicate observation 示例县 / 社会消费品零售总额 / 2023年 (first at line 2)"
    );
}

#[test]
fn strict_mode_fails_on_the_first_bad_row() {
    let strict = CsvOptions::new().strict(true);
    let err = Table::read_csv_with(BAD_ROWS, &strict.clone().strict_catalog(true)).unwrap_err();
    assert_eq!(err.location().and_then(|l| l.line()), Some(3), "{err}");
    let err = Table::read_csv_with(BAD_ROWS, &strict).unwrap_err();
    assert_eq!(err.location().and_then(|l| l.line()), Some(4), "{err}");
}

#[test]
fn missing_column_is_an_error() {
    let err = Table::read_csv("地区,指标,数值\n示例县,gdp,1亿元\n".as_bytes()).unwrap_err();
    assert!(err.to_string().contains("period/时期"), "{err}");
}

#[test]
fn csv_written_then_read_gives_equal_values_and_digits() {
    let (table, _) = Table::read_csv(GOOD).unwrap();
    let mut out = Vec::new();
    table
        .write_csv(&mut out, &WriteOptions::new().bom(true))
        .unwrap();
    assert!(out.starts_with("\u{feff}".as_bytes()));
    let (again, bad) = Table::read_csv(out.as_slice()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(again.len(), table.len());
    for (a, b) in table.iter().zip(again.iter()) {
        assert_eq!(a.to_owned(), b.to_owned());
        assert_eq!(a.value().to_string(), b.value().to_string());
        assert_eq!(
            a.yoy().map(|r| r.to_string()),
            b.yoy().map(|r| r.to_string())
        );
    }
}

#[test]
fn json_round_trips_keep_digits() {
    let q: Quantity = "2.50亿元".parse().unwrap();
    let json = serde_json::to_string(&q).unwrap();
    assert_eq!(json, r#""2.50亿元""#);
    assert_eq!(
        serde_json::from_str::<Quantity>(&json).unwrap().to_string(),
        "2.50亿元"
    );
    let r = Rate::from_percent("9.545454545454545454545454545".parse().unwrap());
    let back: Rate = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(back, r);
    let g = tongji::growth(&"120.5亿元".parse().unwrap(), &"110亿元".parse().unwrap()).unwrap();
    let back: Growth = serde_json::from_str(&serde_json::to_string(&g).unwrap()).unwrap();
    assert_eq!(back, g);
    for state in [Growth::New, Growth::TurnedLoss, Growth::NotComputable] {
        let back: Growth = serde_json::from_str(&serde_json::to_string(&state).unwrap()).unwrap();
        assert_eq!(back, state);
    }
    let o = Observation::new(
        "示例县",
        "fai",
        p("2023年1—10月"),
        "46596万元".parse().unwrap(),
    )
    .with_status(Status::Estimated)
    .with_yoy("8.1%".parse().unwrap())
    .with_target("4.4亿元".parse().unwrap());
    let json = serde_json::to_string(&o).unwrap();
    assert_eq!(
        json,
        r#"{"region":"示例县","indicator":"fai","period":"2023年1—10月","value":"46596万元","status":"预计","yoy":"8.1%","target":"4.4亿元"}"#
    );
    assert_eq!(serde_json::from_str::<Observation>(&json).unwrap(), o);
    assert!(
        serde_json::from_str::<Quantity>("2.5").is_err(),
        "a number is not a quantity"
    );
}

#[test]
fn share_of_parent_and_roll_up() {
    let csv = "地区,指标,时期,数值\n\
        甲镇,gdp,2023年,50亿元\n甲镇,第二产业增加值,2023年,20亿元\n\
        乙乡,gdp,2023年,30亿元\n乙乡,第二产业增加值,2023年,9亿元\n\
        甲镇,城镇居民人均可支配收入,2023年,40000元\n甲镇,城镇常住人口,2023年,3万人\n\
        乙乡,城镇居民人均可支配收入,2023年,30000元\n乙乡,城镇常住人口,2023年,1万人\n\
        丙乡,gdp,2023年,10亿元\n";
    let (t, bad) = Table::read_csv(csv.as_bytes()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(
        t.share_of_parent("甲镇", "第二产业增加值", &p("2023年"))
            .unwrap()
            .to_string(),
        "40.0%"
    );
    let up = t
        .roll_up("两镇", &["甲镇", "乙乡"], tongji::RollUp::new())
        .unwrap();
    let find = |code: &str| up.iter().find(|o| o.indicator() == code).unwrap();
    assert_eq!(find("gdp").value(), "80亿元".parse().unwrap());
    // Weighted by population, never a plain average (which would be 35000).
    assert_eq!(find("urban_income").value(), "37500元".parse().unwrap());
    // 丙乡 has no income: the three-region roll-up leaves income out, or marks it partial.
    let all = t
        .roll_up("全县", &["甲镇", "乙乡", "丙乡"], tongji::RollUp::new())
        .unwrap();
    assert!(all.iter().all(|o| o.indicator() != "urban_income"));
    assert_eq!(
        all.iter().find(|o| o.indicator() == "gdp").unwrap().value(),
        "90亿元".parse().unwrap()
    );
    let partial = t
        .roll_up(
            "全县",
            &["甲镇", "乙乡", "丙乡"],
            tongji::RollUp::new().accept_partial(true),
        )
        .unwrap();
    let income = partial
        .iter()
        .find(|o| o.indicator() == "urban_income")
        .unwrap();
    assert!(income.is_partial());
    assert!(t.roll_up("全县", &["丁村"], tongji::RollUp::new()).is_err());
}

#[test]
fn months_to_cumulative_and_back_with_jan_feb_together() {
    let csv = "地区,指标,时期,数值\n\
        示例县,retail,2023年1—2月,2.1亿元\n示例县,retail,2023年3月,1.1亿元\n示例县,retail,2023年4月,1.2亿元\n\
        示例县,牲畜存栏,2023年3月,2万头\n";
    let (t, _) = Table::read_csv(csv.as_bytes()).unwrap();
    let c = t.cumulate("示例县", "retail", 2023).unwrap();
    let shown: Vec<String> = c
        .iter()
        .map(|o| format!("{} {}", o.period(), o.value()))
        .collect();
    assert_eq!(
        shown,
        [
            "2023年1—3月 3.2亿元",
            "2023年1—4月 4.4亿元",
            "2023年一季度 3.2亿元"
        ]
    );
    // A stock is not summed over months.
    assert_eq!(
        t.cumulate("示例县", "牲畜存栏", 2023).unwrap_err().kind(),
        ErrorKind::WrongIndicatorKind
    );
    let mut ytd = Table::new();
    for o in &c[..2] {
        ytd.insert(o.clone()).unwrap();
    }
    ytd.insert(Observation::new(
        "示例县",
        "retail",
        p("2023年1—2月"),
        "2.1亿元".parse().unwrap(),
    ))
    .unwrap();
    let months = ytd
        .monthly_from_cumulative("示例县", "retail", 2023)
        .unwrap();
    let shown: Vec<String> = months
        .iter()
        .map(|o| format!("{} {}", o.period(), o.value()))
        .collect();
    assert_eq!(shown, ["2023年3月 1.1亿元", "2023年4月 1.2亿元"]);
}

#[test]
fn report_table_csv() {
    let (t, _) = Table::read_csv(GOOD).unwrap();
    let report = t.report("示例县", &p("2023年1—10月")).unwrap();
    let mut out = Vec::new();
    report.write_csv(&mut out, &WriteOptions::new()).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(
        text,
        "指标,本期,上年同期,同比增长,目标,完成率,序时进度差\n\
         固定资产投资,46596万元,,增长8.1%,4.4亿元,105.9%,快于序时进度22.6个百分点\n\
         接待游客,74.20万人次,,增长11.8%,,,\n"
    );
}

#[test]
fn rounding_from_json_keeps_the_decimal_limit() {
    let r: tongji::Rounding = serde_json::from_str(r#"{"places":99,"mode":"HalfEven"}"#).unwrap();
    assert_eq!(r.places(), 28);
    let s = tongji::structure(&["1万元".parse().unwrap(), "2万元".parse().unwrap()])
        .unwrap()
        .with_rounding(r);
    // Shares scaled to 28 places do not fit a decimal: an error, not a panic.
    assert!(s.largest_remainder().unwrap_err().is_overflow());
    assert!(
        s.with_rounding(tongji::Rounding::new(2))
            .largest_remainder()
            .is_ok()
    );
}

#[test]
fn a_unit_in_the_header_is_the_unit_of_bare_numbers() {
    let csv = "地区,指标,时期,数值（万元）,目标(亿元)\n示例县,fai,2023年,47149,5.6\n示例县,fai,2022年,4.5695亿元,\n";
    let (t, bad) = Table::read_csv(csv.as_bytes()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let o = t.get("示例县", "fai", &p("2023年")).unwrap();
    assert_eq!(o.value().to_string(), "47149万元");
    assert_eq!(o.target().unwrap().to_string(), "5.6亿元");
    assert_eq!(
        t.get("示例县", "fai", &p("2022年"))
            .unwrap()
            .value()
            .to_string(),
        "4.5695亿元" // a figure with its own unit is read as written
    );
}

/// Whatever a CSV cell accepts, `FromStr` accepts for the type the column holds, and the other
/// way round: 时期 is a `Period`, 单位 a `UnitSpec`, 状态 a `Status`, 同比增长 a `Growth` that is a
/// rate, and 数值 without a unit cell a `Quantity`.
#[test]
fn cells_and_from_str_accept_the_same_texts() {
    let accepts = |header: &str, cell: &str| -> bool {
        let mut row = [
            ("地区", "示例县".to_string()),
            ("指标", "茶叶产量".to_string()),
            ("时期", "2023年".to_string()),
            ("数值", "1吨".to_string()),
        ]
        .to_vec();
        match row.iter_mut().find(|(h, _)| *h == header) {
            Some(slot) => slot.1 = cell.to_string(),
            None => row.push((header, cell.to_string())),
        }
        let csv = format!(
            "{}\n{}\n",
            row.iter().map(|(h, _)| *h).collect::<Vec<_>>().join(","),
            row.iter()
                .map(|(_, c)| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(",")
        );
        let (t, bad) = Table::read_csv(csv.as_bytes()).unwrap();
        assert_eq!(t.len() + bad.len(), 1, "{csv}");
        t.len() == 1
    };
    let periods = [
        "2023年",
        "2023年1—10月",
        "2023年1-10月",
        "2023年前三季度",
        "2023年三季度",
        "2023-10",
        "2023-Q3",
        "2023",
        "2023年13月",
        "十月",
        "2023/10",
        "",
    ];
    for text in periods {
        assert_eq!(
            accepts("时期", text),
            text.parse::<Period>().is_ok(),
            "时期 {text:?}"
        );
    }
    let growths = [
        "4.1",
        "4.1%",
        "-0.5%",
        "−0.5%",
        "增长4.1%",
        "下降0.5%",
        "负增长1.21%",
        "持平",
        "翻番",
        "新增",
        "X",
        "abc",
        "4.1个百分点",
    ];
    for text in growths {
        let as_rate = matches!(text.parse::<tongji::Growth>(), Ok(tongji::Growth::Rate(_)));
        assert_eq!(accepts("同比增长", text), as_rate, "同比增长 {text:?}");
    }
    let units = [
        "吨",
        "万吨",
        "万千瓦时",
        "千瓦时",
        "0.5吨",
        "余吨",
        "光年",
        "吨/亩",
    ];
    for text in units {
        let csv_ok = {
            let csv = format!("地区,指标,时期,数值,单位\n示例县,茶叶产量,2023年,1,{text}\n");
            Table::read_csv(csv.as_bytes()).unwrap().0.len() == 1
        };
        assert_eq!(
            csv_ok,
            text.parse::<tongji::UnitSpec>().is_ok(),
            "单位 {text:?}"
        );
    }
    let statuses = ["实际", "预计", "初步", "核实", "完工", ""];
    for text in statuses {
        let from_str = text.is_empty() || text.parse::<tongji::Status>().is_ok();
        assert_eq!(accepts("状态", text), from_str, "状态 {text:?}");
    }
    let values = [
        "1250吨",
        "1.25万吨",
        "约1250吨",
        "1250余吨",
        "X吨",
        "1250",
        "1,250吨",
        "１２５０吨",
    ];
    for text in values {
        assert_eq!(
            accepts("数值", text),
            text.parse::<tongji::Quantity>().is_ok(),
            "数值 {text:?}"
        );
    }
}
