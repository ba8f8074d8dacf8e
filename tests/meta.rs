//! The crate's shape: sizes and auto traits, every error kind reached from real bad input with its
//! whole message, the predicates, nothing lost in rewording, one operand order, glob imports.

use std::mem::size_of;

use tongji::{
    Decimal, Error, ErrorKind, Ledger, NaiveDate, Observation, Period, Quantity, Rate, Table,
    WriteOptions, cagr, completion, contributions, growth, multiple, percentage_points,
    rate_change_wording, schedule_gap, share, structure,
};

fn q(s: &str) -> Quantity {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn r(s: &str) -> Rate {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn p(s: &str) -> Period {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// The error is one pointer, so a `Result` costs at most a word over its value. A figure carries
/// its value and its precision (an interval of two decimal ends: 40 bytes).
#[test]
fn sizes() {
    assert_eq!(size_of::<Error>(), size_of::<usize>());
    assert_eq!(size_of::<tongji::Result<()>>(), size_of::<usize>());
    assert!(size_of::<tongji::Precision>() <= 40);
    assert!(size_of::<Rate>() <= 64);
    assert!(size_of::<tongji::Result<Rate>>() <= size_of::<Rate>() + size_of::<usize>());
    assert!(size_of::<Quantity>() <= 80);
    assert!(size_of::<tongji::Result<Quantity>>() <= size_of::<Quantity>() + size_of::<usize>());
    assert_eq!(size_of::<Period>(), 8);
}

#[test]
fn auto_traits() {
    fn shared<T: Send + Sync + Clone + 'static>() {}
    shared::<Error>();
    shared::<Quantity>();
    shared::<Rate>();
    shared::<Table>();
    shared::<Ledger>();
    shared::<tongji::Catalog>();
    fn error<T: std::error::Error + Send + Sync + 'static>() {}
    error::<Error>();
}

/// A reader that fails, for the I/O kind.
struct Broken;

impl std::io::Read for Broken {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("disk on fire"))
    }
}

/// "UnitMismatch" → "unit_mismatch".
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn bad_rows(csv: &str) -> Vec<Error> {
    Table::read_csv(csv.as_bytes()).unwrap().1
}

/// Every kind, reached from the input a user would give it, with its message in full.
#[test]
fn every_error_kind_from_real_bad_input() {
    let mut t = Table::new();
    t.insert(Observation::new(
        "示例县",
        "地区生产总值",
        p("2023年"),
        q("136.91亿元"),
    ))
    .unwrap();
    t.insert(Observation::new(
        "示例县",
        "社会消费品零售总额",
        p("2022年"),
        q("110亿元"),
    ))
    .unwrap();
    let cases: Vec<(ErrorKind, Error, &str)> = vec![
        (
            ErrorKind::Parse,
            "2023年13月".parse::<Period>().unwrap_err(),
            r#"cannot parse "2023年13月" as a period: expected a month from 1 to 12, found 13 (at byte 7)"#,
        ),
        (
            ErrorKind::Placeholder,
            "X亿元".parse::<Quantity>().unwrap_err(),
            r#""X亿元" is a placeholder, not a figure"#,
        ),
        (
            ErrorKind::UnknownUnit,
            "74.2万人欠".parse::<Quantity>().unwrap_err(),
            r#"unknown unit "人欠" in "74.2万人欠""#,
        ),
        (
            ErrorKind::UnknownIndicator,
            t.growth("示例县", "无此指标", &p("2023年")).unwrap_err(),
            r#"unknown indicator "无此指标": not a code, name or alias in the catalog"#,
        ),
        (
            ErrorKind::UnitMismatch,
            growth(&q("3项"), &q("2件")).unwrap_err(),
            "unit mismatch: 项 and 件 cannot be combined",
        ),
        (
            ErrorKind::Overflow,
            "99999999999999999999999万亿元"
                .parse::<Quantity>()
                .unwrap_err(),
            "overflow: the value in base units does not fit a decimal (28 significant digits)",
        ),
        (
            ErrorKind::Inexact,
            q("1亩").to_unit(tongji::Unit::HECTARE).unwrap_err(),
            "1亩 has no exact decimal form in 公顷",
        ),
        (
            ErrorKind::ZeroBase,
            completion(&q("1万元"), &q("0万元")).unwrap_err(),
            "target is zero",
        ),
        (
            ErrorKind::NegativeBase,
            share(&q("1万元"), &q("-1万元")).unwrap_err(),
            "total -1万元 is below zero",
        ),
        (
            ErrorKind::OutOfRange,
            Period::month(2023, 13).unwrap_err(),
            "month 13 is out of range: expected a month from 1 to 12",
        ),
        (
            ErrorKind::LengthMismatch,
            contributions(&[q("6.6万元")], &[]).unwrap_err(),
            "current and previous levels of the components do not pair up: 1 against 0",
        ),
        (
            ErrorKind::Empty,
            structure(&[]).unwrap_err(),
            "the list of parts is empty",
        ),
        (
            ErrorKind::NotFound,
            t.growth("示例县", "社会消费品零售总额", &p("2022年"))
                .unwrap_err(),
            "no 社会消费品零售总额 of 示例县 in 2021年 to compute growth",
        ),
        (
            ErrorKind::NotRecomputable,
            t.growth("示例县", "gdp", &p("2023年")).unwrap_err(),
            "growth of 地区生产总值 is published at comparable prices or coverage and cannot be recomputed from levels",
        ),
        (
            ErrorKind::Duplicate,
            t.insert(Observation::new("示例县", "gdp", p("2023年"), q("137亿元")))
                .unwrap_err(),
            "duplicate observation 示例县 / 地区生产总值 / 2023年",
        ),
        (
            ErrorKind::WrongIndicatorKind,
            Table::read_csv("地区,指标,时期,数值\n示例县,牲畜存栏,2023年3月,2万头\n".as_bytes())
                .unwrap()
                .0
                .cumulate("示例县", "牲畜存栏", 2023)
                .unwrap_err(),
            "牲畜存栏 is not a flow (only flows are summed over months)",
        ),
        (
            ErrorKind::MissingColumn,
            Table::read_csv("地区,指标,数值\n示例县,gdp,1亿元\n".as_bytes()).unwrap_err(),
            r#"line 1: missing column period/时期 in the header "地区,指标,数值""#,
        ),
        (
            ErrorKind::Csv,
            bad_rows("地区,指标,时期,数值\n\"示例县,gdp,2023年,1亿元\n示例县,gdp,2022年,2亿元\n")
                .remove(0),
            "line 2: malformed CSV: a quote opened here is never closed, so the rest of the file would be one field",
        ),
        (
            ErrorKind::Io,
            Table::read_csv(Broken).unwrap_err(),
            "cannot read or write the data",
        ),
        (
            ErrorKind::Encoding,
            {
                let mut bytes = "地区,指标,时期,数值\n示例县,社会消费品零售总额,2023年,120.5亿元\n示例县,社会消费品零售总额,2022年,1".as_bytes().to_vec();
                bytes.push(0xFF);
                bytes.extend_from_slice("亿元\n".as_bytes());
                Table::read_csv(bytes.as_slice()).unwrap().1.remove(0)
            },
            "line 3: the bytes are not text in the file's encoding (UTF-8, GBK, GB18030 or UTF-16 with a BOM)",
        ),
        (
            ErrorKind::Inconsistent,
            {
                let csv = "XX县2023年1-10月\n指标名称,1-本月累计,年度目标,完成率\n固定资产投资,47149万元,56000万元,85.0\n";
                Table::read_wide_csv(csv.as_bytes(), &tongji::WideOptions::new())
                    .unwrap()
                    .1
                    .remove(0)
            },
            "line 3, column 完成率: published 完成率 85.0% is not what 47149万元 / 56000万元 gives (84.2%)",
        ),
        (
            ErrorKind::Spreadsheet,
            {
                let path =
                    std::env::temp_dir().join(format!("tongji-meta-{}.xlsx", std::process::id()));
                std::fs::write(&path, "not a workbook").unwrap();
                let err = Table::read_xlsx(&path, &tongji::WideOptions::new()).unwrap_err();
                std::fs::remove_file(&path).unwrap();
                // The message names the file; keep the stable part.
                let message = err.to_string();
                assert!(
                    message.starts_with("cannot read the workbook: "),
                    "{message}"
                );
                assert!(message.contains("tongji-meta-"), "{message}");
                err
            },
            "",
        ),
    ];
    for (kind, err, message) in &cases {
        assert_eq!(err.kind(), *kind, "{err}");
        if !message.is_empty() {
            assert_eq!(err.to_string(), *message);
        }
        assert_eq!(kind.as_str(), snake_case(&format!("{kind:?}")));
    }
    // Every kind is covered once.
    let mut kinds: Vec<String> = cases
        .iter()
        .map(|(k, _, _)| k.as_str().to_string())
        .collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(kinds.len(), cases.len());
    assert_eq!(cases.len(), 22);
}

#[test]
fn io_and_csv_errors_keep_their_source() {
    let err = Table::read_csv(Broken).unwrap_err();
    let source = std::error::Error::source(&err).unwrap();
    assert_eq!(source.to_string(), "disk on fire");
    assert!("X%".parse::<Rate>().unwrap_err().to_string().len() < 200);
    assert!(std::error::Error::source(&"X%".parse::<Rate>().unwrap_err()).is_none());
}

#[test]
fn a_bad_row_knows_its_line_column_and_offset() {
    let csv = "地区,指标,时期,数值\r\n示例县,gdp,2023年,1亿元\r\n\r\n示例县,gdp,2022年,X亿元\r\n";
    let bad = bad_rows(csv);
    let at = bad[0].location().unwrap();
    assert_eq!(at.line(), Some(4)); // CRLF and a blank line counted as an editor counts them
    assert_eq!(at.column(), Some("数值"));
    assert_eq!(
        at.offset(),
        Some(csv.find("示例县,gdp,2022年").unwrap() as u64)
    );
    assert_eq!(bad[0].input(), Some("X亿元"));
}

#[test]
fn each_predicate_is_true_for_its_kind_only() {
    let placeholder = "XX万人次".parse::<Quantity>().unwrap_err();
    let parse = "增长四点一%".parse::<tongji::Growth>().unwrap_err();
    let mismatch = q("3亿元").checked_add(&q("3万人次")).unwrap_err();
    let unknown_indicator = Table::new()
        .completion("示例县", "无此指标", &p("2023年"))
        .unwrap_err();
    let unknown_unit = "3光年".parse::<Quantity>().unwrap_err();
    let zero_base = growth(&q("1万元"), &q("0万元")).map(|g| g.rate()).unwrap();
    assert_eq!(zero_base, None); // a zero base is a state (新增), not an error
    let zero_base = multiple(&q("1万元"), &q("0万元")).unwrap_err();
    let overflow = Rate::from_fraction(Decimal::MAX).unwrap_err();
    let io = Table::read_csv(Broken).unwrap_err();
    let all = [
        &placeholder,
        &parse,
        &mismatch,
        &unknown_indicator,
        &unknown_unit,
        &zero_base,
        &overflow,
        &io,
    ];
    type Predicate = fn(&Error) -> bool;
    let predicates: [(&str, Predicate); 8] = [
        ("is_placeholder", Error::is_placeholder),
        ("is_parse", Error::is_parse),
        ("is_unit_mismatch", Error::is_unit_mismatch),
        ("is_unknown_indicator", Error::is_unknown_indicator),
        ("is_unknown_unit", Error::is_unknown_unit),
        ("is_zero_base", Error::is_zero_base),
        ("is_overflow", Error::is_overflow),
        ("is_io", Error::is_io),
    ];
    for (i, (name, predicate)) in predicates.iter().enumerate() {
        for (j, err) in all.iter().enumerate() {
            assert_eq!(predicate(err), i == j, "{name} on {err}");
        }
    }
}

/// The two nothing-lost cases of the shape issue: a reworded written growth keeps its digits, and a
/// gap of a rate written with two decimals is computed at that precision.
#[test]
fn rewording_and_gaps_keep_the_written_digits() {
    let g: tongji::Growth = "负增长1.21%".parse().unwrap();
    assert_eq!(g.to_string(), "下降1.21%");
    let gap = schedule_gap(&r("82.99%"), &p("2023年前三季度").elapsed()).unwrap();
    assert_eq!(gap.to_string(), "快于序时进度7.99个百分点");
    let price = tongji::per_unit(&q("3554.85万元"), &q("101.2万公斤")).unwrap();
    assert_eq!(price.to_string(), "35.13元/公斤");
    assert!(q("8项").is_exact());
    // Every figure serializes with every digit, by one rule: as written, its text; computed,
    // {"value": every digit, "shown": as printed}. Read back, each prints as before.
    for (json, value) in [
        (
            serde_json::to_string(&Rate::from_percent(Decimal::new(7233, 3))).unwrap(),
            r#"{"value":"7.233%","shown":"7.2%"}"#,
        ),
        (
            serde_json::to_string(&gap).unwrap(),
            "\"快于序时进度7.99个百分点\"",
        ),
        (serde_json::to_string(&g).unwrap(), "\"下降1.21%\""),
        (
            serde_json::to_string(&price).unwrap(),
            r#"{"value":"35.126976284584980237154150198元/公斤","shown":"35.13元/公斤"}"#,
        ),
    ] {
        assert_eq!(json, value);
    }
    let back: Rate = serde_json::from_str(r#"{"value":"7.233%","shown":"7.2%"}"#).unwrap();
    assert_eq!(
        (back.to_string(), back.percent()),
        ("7.2%".to_string(), Decimal::new(7233, 3))
    );
    let back: tongji::Quantity =
        serde_json::from_str(&serde_json::to_string(&price).unwrap()).unwrap();
    assert_eq!((back.to_string(), back), (price.to_string(), price));
}

/// Every public function of two operands of one kind takes the later (or the part, or the actual)
/// first: called with 4.5 → 6.6, each says the figure rose.
#[test]
fn the_later_value_comes_first() {
    let (before, after) = (q("4.5万元"), q("6.6万元"));
    let (was, now) = (r("4.5%"), r("6.6%"));
    assert_eq!(growth(&after, &before).unwrap().to_string(), "增长46.7%");
    assert_eq!(
        percentage_points(&now, &was).unwrap().change_wording(),
        "提高2.1个百分点"
    );
    assert_eq!(
        rate_change_wording(&now, &was).unwrap(),
        "增速提高2.1个百分点"
    );
    assert_eq!(now.checked_sub(&was).unwrap().to_string(), "2.1个百分点");
    assert_eq!(
        schedule_gap(&now, &was).unwrap().to_string(),
        "快于序时进度2.1个百分点"
    );
    assert_eq!(completion(&after, &before).unwrap().to_string(), "146.7%");
    assert_eq!(share(&before, &after).unwrap().to_string(), "68.2%");
    assert_eq!(multiple(&after, &before).unwrap().to_string(), "1.47倍");
    assert_eq!(cagr(&after, &before, 1).unwrap().to_string(), "46.7%");
    assert_eq!(after.checked_sub(&before).unwrap().to_string(), "2.1万元");
    let c = contributions(&[after], &[before]).unwrap();
    assert_eq!(c[0].pull_wording(), "拉动46.7个百分点");
    assert_eq!(
        tongji::reduction_completion(&q("4.5吨"), &q("5吨"), &q("6.6吨"))
            .unwrap()
            .to_string(),
        "131.3%" // cut 2.1 of the 1.6 aimed at
    );
    // A product is symmetric, so the order of approximate_contributions shows in its error.
    let err = tongji::approximate_contributions(&[now], &[was, was]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "growth rates and previous shares of the components do not pair up: 1 against 2"
    );
    // Two snapshots of a ledger: the later one, on its date, then the earlier one on its date.
    let (june, _) = Ledger::read_csv(
        "编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年12月,推进中\n".as_bytes(),
    )
    .unwrap();
    let (july, _) = Ledger::read_csv(
        "编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年12月,已完成\n".as_bytes(),
    )
    .unwrap();
    let d = |m, day| NaiveDate::from_ymd_opt(2021, m, day).unwrap();
    let changes = july.changes_since(d(7, 31), &june, d(6, 30));
    assert_eq!(
        changes.status_changes()[0].to_string(),
        "1 任务1: 推进中 → 已完成"
    );
}

#[test]
fn writers_take_options_not_bools() {
    let (t, _) =
        Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n".as_bytes()).unwrap();
    let mut out = Vec::new();
    t.write_csv(&mut out, &WriteOptions::new().bom(true).delimiter(b'\t'))
        .unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "\u{feff}地区\t指标\t时期\t数值\t状态\t同比增长\t目标\n示例县\t地区生产总值\t2023年\t1亿元\t实际\t\t\n"
    );
}

mod glob_import {
    use tongji::*;

    fn parse(s: &str) -> Result<Quantity> {
        s.parse()
    }

    /// `use tongji::*` leaves std's two-parameter `Result` working, and `Decimal` needs no direct
    /// dependency.
    #[test]
    fn does_not_break_std_result() -> Result<(), Box<dyn std::error::Error>> {
        let q = parse("4.4亿元")?;
        assert_eq!(q.value(), Decimal::new(44, 1));
        let _: NaiveDate = "2021-06-30".parse()?;
        Ok(())
    }
}

/// rustdoc (1.95) drops a `#[doc(alias)]` written on an item defined in a private module and
/// re-exported, so the aliases of top-level items stand on their `pub use` in lib.rs (checked in a
/// browser: searching 完成率, 同比增长, 序时进度, 两年平均, 亩产, 整改率, 万元 finds the items). Aliases
/// of methods and variants work where they are.
#[test]
fn aliases_of_reexported_items_are_on_their_pub_use() {
    fn visit(dir: &std::path::Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                visit(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("src/lib.rs")
                // A public module: its own items, and the pub use of its re-exports, keep aliases.
                && !path.ends_with("src/audit/mod.rs")
                && !path.ends_with("src/text/mod.rs")
                && !path.ends_with("src/kernel.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                for (i, line) in text.lines().enumerate() {
                    if line.starts_with("#[doc(alias") {
                        found.push(format!("{}:{}", path.display(), i + 1));
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    visit(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    assert!(
        found.is_empty(),
        "move these aliases to the pub use in lib.rs: {found:?}"
    );
    let lib = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs")).unwrap();
    for term in [
        "同比增长",
        "完成率",
        "序时进度",
        "占比",
        "拉动",
        "贡献率",
        "两年平均",
        "亩产",
        "整改率",
    ] {
        assert!(
            lib.contains(&format!("#[doc(alias = \"{term}\")]")),
            "{term}"
        );
    }
}
