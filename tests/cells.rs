//! `Table::report_cells` (the columnar fast path) gives exactly `ReportLine::cells` on every row:
//! the bundled data, and generated tables with every kind of figure, growth and target a file may
//! hold (at least 10,000 cases, more when `PROPTEST_CASES` asks).

use proptest::prelude::*;
use tongji::{ReportCells, RoundingMode, Table, WriteOptions};

fn config() -> ProptestConfig {
    let asked = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    ProptestConfig::with_cases(asked.max(10_000))
}

/// Every line of `table` both ways, under `options`.
fn assert_same(table: &Table, options: &WriteOptions) -> Result<(), TestCaseError> {
    let mut cells = ReportCells::new();
    let mut some = ReportCells::only(&[3, 0, 5]);
    for o in table.iter() {
        table.report_cells(&o, options, &mut cells);
        let slow = table.report_line(&o).cells(options);
        // Only some cells: those as in full, the others empty.
        table.report_cells(&o, options, &mut some);
        for (i, cell) in some.cells().iter().enumerate() {
            let expected = if [3, 0, 5].contains(&i) {
                slow[i].as_str()
            } else {
                ""
            };
            prop_assert_eq!(*cell, expected);
        }
        prop_assert_eq!(
            cells.cells().map(str::to_string),
            slow,
            "{} {} {}",
            o.region(),
            o.indicator().code(),
            o.period()
        );
    }
    Ok(())
}

fn every_option() -> Vec<WriteOptions> {
    let mut all = Vec::new();
    for places in [0, 1, 2, 3] {
        for mode in [
            RoundingMode::HalfAwayFromZero,
            RoundingMode::HalfEven,
            RoundingMode::Truncate,
        ] {
            all.push(WriteOptions::new().places(places).rounding(mode));
        }
    }
    all
}

#[test]
fn the_bundled_data() {
    for path in [
        "examples/data/county.csv",
        "tests/data/good.csv",
        "tests/data/good_bom.csv",
        "tests/data/bad_rows.csv",
    ] {
        let bytes = std::fs::read(path).unwrap();
        let (table, _) = Table::read_csv(bytes.as_slice()).unwrap();
        assert!(!table.is_empty(), "{path}");
        for options in every_option() {
            assert_same(&table, &options).unwrap();
        }
    }
}

const VALUES: &[&str] = &[
    "238429.89万元",
    "220000.00万元",
    "120.5亿元",
    "110亿元",
    "-3.5亿元",
    "0万元",
    "0.00万元",
    "-0.0万元",
    "46596万元",
    "44000万元",
    "1.2万元",
    "约3亿元",
    "5亿元以上",
    "9.95万元",
    "10万元",
    "12345678901234567890.12万元",
    "0.000001万元",
    "7",
    "8.8",
];

const YOYS: &[&str] = &[
    "", "9.9", "-0.5", "0.0", "-0.0", "4.1%", "3‰", "—", "12.345",
];

const PERIODS: &[&str] = &[
    "年",
    "年1月",
    "年2月",
    "年1—2月",
    "年3月",
    "年1—3月",
    "年一季度",
    "年上半年",
    "年前三季度",
    "年10月",
    "年1—10月",
    "年12月",
];

fn table_csv() -> impl Strategy<Value = String> {
    let row = (
        0usize..3,
        prop_oneof![Just("retail"), Just("gdp"), Just("fai"), Just("自定义指标")],
        2021i32..=2023,
        0..PERIODS.len(),
        0..VALUES.len(),
        0..YOYS.len(),
        prop_oneof![4 => Just(""), 1 => Just("5亿元"), 1 => Just("50000万元")],
    );
    prop::collection::vec(row, 1..60).prop_map(|rows| {
        let mut csv = String::from("地区,指标,时期,数值,同比增长,目标\n");
        for (region, ind, year, p, v, y, t) in rows {
            csv.push_str(&format!(
                "{},{ind},{year}{},{},{},{t}\n",
                ["甲镇", "乙乡", "示例县"][region],
                PERIODS[p],
                VALUES[v],
                YOYS[y]
            ));
        }
        csv
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_tables(csv in table_csv(), option in 0usize..12) {
        let (table, _) = Table::read_csv(csv.as_bytes()).unwrap();
        assert_same(&table, &every_option()[option])?;
    }
}

/// Rows inserted one by one, out of key order: some lines come from the side map.
#[test]
fn inserted_out_of_order() {
    use tongji::Observation;
    let mut t = Table::new();
    for (period, value) in [
        ("2023年", "120.5亿元"),
        ("2022年", "110亿元"),
        ("2021年", "100亿元"),
    ] {
        t.insert(Observation::new(
            "示例县",
            "retail",
            period.parse().unwrap(),
            value.parse().unwrap(),
        ))
        .unwrap();
    }
    assert_same(&t, &WriteOptions::new()).unwrap();
}
