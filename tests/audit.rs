//! The audit (勾稽关系) against the seeds, a real communiqué, and its invariants: figures printed
//! from exact values stand; a stated figure moved by two units of its last digit is found; every
//! allowed range holds the exact result of the values the operands were printed from.

use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};
use tongji::audit::{self, AuditOptions, Finding, Reason, Rule, Severity, Verdict};
use tongji::{Growth, Interval, PercentPoints, Quantity, Rate, RoundingMode, Table};

const SEED_002: &str = include_str!("data/seeds/002_self_inspection_2023.txt");
const SEED_004: &str = include_str!("data/seeds/004_reform_summary_2021.txt");

fn q(s: &str) -> Quantity {
    s.parse().unwrap()
}

fn r(s: &str) -> Rate {
    s.parse().unwrap()
}

fn in_seed(seed: &str, text: &str) {
    assert!(seed.contains(text), "{text} is not in the seed");
}

#[test]
fn front_door() -> Result<(), Box<dyn std::error::Error>> {
    use tongji::audit::{self, Verdict};
    use tongji::{Quantity, Rate, Table};
    let actual: Quantity = "2.68亿元".parse()?;
    let target: Quantity = "2.5亿元".parse()?;
    let stated: Rate = "107.42％".parse()?;
    let f = audit::completion(&actual, &target, &stated)?;
    assert_eq!(f.verdict(), Verdict::Inconsistent);
    assert_eq!(f.expected_text(), "107.20%"); // at the stated figure's places
    let f = audit::difference(
        &"2.85亿元".parse()?,
        &"2.68亿元".parse()?,
        &"0.16亿元".parse()?,
    )?;
    assert_eq!(f.verdict(), Verdict::Consistent);
    let csv = "地区,指标,时期,数值,同比增长\n示例县,接待游客,2023年,74.2万人次,-2.3\n示例县,接待游客,2022年,66.36万人次,\n";
    let (table, _) = Table::read_csv(csv.as_bytes())?;
    let report = table.audit();
    assert_eq!(report.count(Verdict::Inconsistent), 1);
    println!("{report}"); // 审核报告 in Chinese
    let _json = serde_json::to_string(&report)?; // the documented schema
    Ok(())
}

#[test]
fn front_door_also() -> Result<(), Box<dyn std::error::Error>> {
    let parts = [q("89755亿元"), q("482589亿元"), q("688238亿元")];
    assert_eq!(
        audit::sum(&parts, &q("1260582亿元"))?.verdict(),
        Verdict::Exact
    );
    let f = audit::share(&q("688238亿元"), &q("1260582亿元"), &r("54.6%"))?;
    assert_eq!(f.verdict(), Verdict::Consistent);
    let f = audit::growth(&q("74.2万人次"), &q("66.36万人次"), &"-2.3%".parse()?)?;
    assert_eq!(
        (f.verdict(), f.expected_text()),
        (Verdict::Inconsistent, "增长11.8%")
    );
    let f = audit::per_unit(&q("3554.85万元"), &q("101.2万公斤"), &q("35.13元"))?;
    assert_eq!(f.verdict(), Verdict::Consistent);
    Ok(())
}

/// Seed 002: "截止10月预计州外到位资金2.68亿元完成年度目标任务数2.5亿元的107.42％".
#[test]
fn seed_002_completion_is_inconsistent() {
    in_seed(
        SEED_002,
        "到位资金2.68亿元完成年度目标任务数2.5亿元的107.42％",
    );
    let f = audit::completion(&q("2.68亿元"), &q("2.5亿元"), &r("107.42％")).unwrap();
    assert_eq!(f.verdict(), Verdict::Inconsistent);
    assert_eq!(f.severity(), Some(Severity::Verify));
    assert_eq!(f.expected_text(), "107.20%");
    // 2.675 / 2.5 to 2.685 / 2.5: [107.0, 107.4) percent; 107.42 is 0.02 above.
    assert_eq!(f.allowed().unwrap().to_string(), "[107, 107.4)");
    assert_eq!(f.imbalance(), Some("0.02".parse().unwrap()));
    assert_eq!(
        f.hypothesis(),
        Some(&audit::Hypothesis::Transposed {
            likely: "107.24%".into()
        })
    );
    assert_eq!(
        f.to_string(),
        "【核实性】完成率107.42%与2.68亿元、2.5亿元不符，应为107.20%（可取范围[107, 107.4)，超出0.02；疑为两位数字颠倒，应为107.24%）"
    );
}

/// Seed 002: "累计在库总投资53670万元，1至10月预计出数46596万元……10月上报后剩余投资5992万元".
#[test]
fn seed_002_remaining_investment_is_inconsistent() {
    in_seed(
        SEED_002,
        "累计在库总投资53670万元，1至10月预计出数46596万元",
    );
    in_seed(SEED_002, "剩余投资5992万元");
    let f = audit::difference(&q("53670万元"), &q("46596万元"), &q("5992万元")).unwrap();
    assert_eq!(f.verdict(), Verdict::Inconsistent);
    assert_eq!(f.expected_text(), "7074万元");
    assert_eq!(f.imbalance(), Some(Decimal::from(-1081)));
}

/// Seed 002: "在库总投资2.85亿元，……到位资金2.68亿元……剩余在库投资0.16亿元": 0.17 as written, but
/// 2.85 and 2.68 stand for values whose difference may be 0.16.
#[test]
fn seed_002_remaining_in_hundred_millions_is_consistent() {
    in_seed(SEED_002, "在库总投资2.85亿元");
    in_seed(SEED_002, "剩余在库投资0.16亿元");
    let f = audit::difference(&q("2.85亿元"), &q("2.68亿元"), &q("0.16亿元")).unwrap();
    assert_eq!(f.verdict(), Verdict::Consistent);
    assert_eq!(f.allowed().unwrap().to_string(), "(0.16, 0.18)");
    assert_eq!(f.severity(), None);
}

/// Seed 002: "1至10月预计出数46596万元，占年度任务数的105.9％", of a task of 44000万元 (a set
/// number): 46596 / 44000 is exactly 1.059.
#[test]
fn seed_002_share_of_the_annual_task_stands() {
    in_seed(SEED_002, "46596万元，占年度任务数的105.9％");
    let f = audit::completion(&q("46596万元"), &q("44000万元"), &r("105.9％")).unwrap();
    assert!(f.verdict().is_consistent());
    assert_eq!(f.verdict(), Verdict::Exact);
    // Written 4.4亿元, the task is the same set number.
    let f = audit::completion(&q("46596万元"), &q("4.4亿元"), &r("105.9％")).unwrap();
    assert_eq!(f.verdict(), Verdict::Exact);
}

/// Seed 002: "完成烟叶收购任务101.2万公斤，收购总额达3554.85万元，均价35.13元".
#[test]
fn seed_002_average_price_is_consistent() {
    in_seed(SEED_002, "101.2万公斤，收购总额达3554.85万元，均价35.13元");
    let f = audit::per_unit(&q("3554.85万元"), &q("101.2万公斤"), &q("35.13元")).unwrap();
    assert_eq!(f.verdict(), Verdict::Consistent);
    assert_eq!(f.expected_text(), "35.13元");
    // 101.2 stands for [101.15, 101.25): the price for 35.11 to 35.15 元/公斤.
    let allowed = f.allowed().unwrap();
    assert!(
        allowed.contains("35.11".parse().unwrap()) && allowed.contains("35.14".parse().unwrap())
    );
    assert!(!allowed.contains("35.10".parse().unwrap()));
    let f = audit::per_unit(&q("3554.85万元"), &q("101.2万公斤"), &q("35.31元")).unwrap();
    assert_eq!(f.verdict(), Verdict::Inconsistent);
}

/// Seed 004: "明确8大领域共计44项改革事项(其中4项……延期……),40项改革事项全部完成,完成率100%",
/// and each domain's "共N项任务,已完成M项,延期K项".
#[test]
fn seed_004_ledger_counts_are_consistent() {
    in_seed(SEED_004, "共计44项改革事项(其中4项改革事项");
    in_seed(SEED_004, "40项改革事项全部完成,完成率100%");
    assert_eq!(
        audit::task_counts(44, &[40, 4]).unwrap().verdict(),
        Verdict::Exact
    );
    let f = audit::task_completion(40, 44, 4, &r("100%")).unwrap();
    assert_eq!(f.verdict(), Verdict::Exact);
    // The eight domains: totals and completed add up to 44 and 40.
    let domains = [
        ("一是经济体制改革方面。共10项任务,已全部完成", 10, 10),
        ("二是城区发展体制改革方面。共6项任务,已全部完成", 6, 6),
        ("三是行政体制改革方面。共4项任务,已完成2项,延期2项", 4, 2),
        ("四是文化体制改革方面。共4项任务,已全部完成", 4, 4),
        ("五是社会体制改革方面。共9项任务,已完成7项,延期2项", 9, 7),
        ("六是民主法制改革方面。共4项任务,已全部完成", 4, 4),
        ("七是生态文明体制改革方面。共2项任务,已全部完成", 2, 2),
        ("八是深化党的建设领域方面。共5项任务,已全部完成", 5, 5),
    ];
    for (text, total, done) in domains {
        in_seed(SEED_004, text);
        let f = audit::task_counts(total, &[done, total - done]).unwrap();
        assert_eq!(f.verdict(), Verdict::Exact, "{text}");
    }
    let totals: Vec<u32> = domains.iter().map(|d| d.1).collect();
    let done: Vec<u32> = domains.iter().map(|d| d.2).collect();
    assert_eq!(
        audit::task_counts(44, &totals).unwrap().verdict(),
        Verdict::Exact
    );
    assert_eq!(
        audit::task_counts(40, &done).unwrap().verdict(),
        Verdict::Exact
    );
    // The ledger read from the bundled CSV of seed 004 agrees with the text.
    let (ledger, bad) = tongji::Ledger::read_csv(
        std::fs::File::open(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/ledger_2021.csv"
        ))
        .unwrap(),
    )
    .unwrap();
    assert!(bad.is_empty());
    let c = ledger.summary().overall();
    let counts = [
        c.completed(),
        c.in_progress(),
        c.deferred(),
        c.cancelled(),
        c.not_started(),
    ];
    assert_eq!(
        audit::task_counts(44, &counts).unwrap().verdict(),
        Verdict::Exact
    );
    let f = audit::task_completion(
        c.completed(),
        c.total(),
        c.deferred() + c.cancelled(),
        &r("100%"),
    );
    assert_eq!(f.unwrap().verdict(), Verdict::Exact);
}

/// The same ledger with 41 completed: 41 + 4 is not 44, and 41 of 40 due cannot be: 强制性.
#[test]
fn seed_004_with_41_completed_is_impossible() {
    let f = audit::task_counts(44, &[41, 4]).unwrap();
    assert_eq!(
        (f.verdict(), f.severity()),
        (Verdict::Inconsistent, Some(Severity::Mandatory))
    );
    assert_eq!(f.expected_text(), "45");
    let f = audit::task_completion(41, 44, 4, &r("100%")).unwrap();
    assert_eq!(
        (f.verdict(), f.severity()),
        (Verdict::Inconsistent, Some(Severity::Mandatory))
    );
    assert_eq!(f.expected_text(), "103%"); // at the places of the stated 100%
    let report = audit::AuditReport::from(vec![f]);
    assert!(
        report
            .to_string()
            .contains("【强制性】任务完成率100%与41、44、4不符，应为103%"),
        "{report}"
    );
}

/// 中华人民共和国2023年国民经济和社会发展统计公报 (国家统计局, 2024-02-29): "全年国内生产总值
/// 1260582亿元，比上年增长5.2%。其中，第一产业增加值89755亿元，增长4.1%；第二产业增加值482589亿元，
/// 增长4.7%；第三产业增加值688238亿元，增长5.8%。第一产业增加值占国内生产总值比重为7.1%，第二产业
/// 增加值比重为38.3%，第三产业增加值比重为54.6%。……全年人均国内生产总值89358元" ; "年末全国人口
/// 140967万人，比上年末减少208万人，其中城镇常住人口93267万人……乡村常住人口47700万人……城镇人口
/// 占全国人口比重（城镇化率）为66.16%" ; "全国居民人均可支配收入39218元，比上年增长6.3%"; "最终
/// 消费支出拉动国内生产总值增长4.3个百分点，资本形成总额拉动国内生产总值增长1.5个百分点，货物和
/// 服务净出口向下拉动国内生产总值0.6个百分点". The 2022 figures from the 2022 communiqué (国家统计局,
/// 2023-02-28): 国内生产总值1210207亿元 (88345, 483164, 638698), 年末人口141175万人, 全国居民人均可支配
/// 收入36883元.
#[test]
fn national_communique_2023_is_consistent() {
    let csv = "地区,指标,时期,数值,同比增长\n\
        全国,地区生产总值,2022年,1210207亿元,3.0\n\
        全国,第一产业增加值,2022年,88345亿元,4.1\n\
        全国,第二产业增加值,2022年,483164亿元,3.8\n\
        全国,第三产业增加值,2022年,638698亿元,2.3\n\
        全国,地区生产总值,2023年,1260582亿元,5.2\n\
        全国,第一产业增加值,2023年,89755亿元,4.1\n\
        全国,第二产业增加值,2023年,482589亿元,4.7\n\
        全国,第三产业增加值,2023年,688238亿元,5.8\n\
        全国,常住人口,2022年,141175万人,\n\
        全国,常住人口,2023年,140967万人,\n\
        全国,居民人均可支配收入,2022年,36883元,\n\
        全国,居民人均可支配收入,2023年,39218元,6.3\n";
    // 居民人均可支配收入 is the built-in 全体居民人均可支配收入, weighted by 常住人口.
    let (table, bad) = Table::read_csv(csv.as_bytes()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let report = table.audit();
    for f in report.findings() {
        assert!(
            matches!(
                f.verdict(),
                Verdict::Exact | Verdict::Consistent | Verdict::NotCheckable
            ),
            "{f}"
        );
    }
    // GDP = Σ sectors, both years, exactly; the real growth rates are not checkable from levels;
    // the nominal growth of income is.
    let by = |rule: Rule, verdict: Verdict| {
        report
            .findings()
            .iter()
            .filter(|f| f.rule() == rule && f.verdict() == verdict)
            .count()
    };
    assert_eq!(by(Rule::Sum, Verdict::Exact), 2);
    assert_eq!(by(Rule::Growth, Verdict::NotCheckable), 8);
    assert_eq!(by(Rule::Growth, Verdict::Consistent), 1);
    assert_eq!(
        report.count(Verdict::NotCheckable),
        8,
        "4 growth rates at comparable prices a year (2022's have no 2021 levels either)"
    );
    let reasons: Vec<_> = report
        .findings()
        .iter()
        .filter_map(Finding::reason)
        .collect();
    assert!(
        reasons.iter().all(|r| *r == Reason::ComparablePrices),
        "{reasons:?}"
    );

    // The communiqué's structure, per capita and population figures.
    let sectors = [q("89755亿元"), q("482589亿元"), q("688238亿元")];
    let shares = [r("7.1%"), r("38.3%"), r("54.6%")];
    for f in audit::structure(&sectors, &shares).unwrap() {
        assert!(f.verdict().is_consistent(), "{f}");
    }
    let population = q("141175万人").checked_add(&q("140967万人")).unwrap();
    let average = audit::per_unit(&q("1260582亿元"), &population, &q("178716元")).unwrap();
    assert_eq!(
        average.verdict(),
        Verdict::Inconsistent,
        "the sum is not the average"
    );
    // 人均国内生产总值 over the average population (141175 + 140967) / 2 = 141071万人.
    let f = audit::per_unit(&q("1260582亿元"), &q("141071万人"), &q("89358元")).unwrap();
    assert_eq!(f.verdict(), Verdict::Consistent, "{f}");
    let f = audit::difference(&q("141175万人"), &q("140967万人"), &q("208万人")).unwrap();
    assert_eq!(f.verdict(), Verdict::Exact);
    let f = audit::sum(&[q("93267万人"), q("47700万人")], &q("140967万人")).unwrap();
    assert_eq!(f.verdict(), Verdict::Exact);
    let f = audit::share(&q("93267万人"), &q("140967万人"), &r("66.16%")).unwrap();
    assert_eq!(f.verdict(), Verdict::Consistent);
    let pulls: Vec<PercentPoints> = ["4.3个百分点", "1.5个百分点", "-0.6个百分点"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    assert_eq!(
        audit::pulls_sum(&pulls, &r("5.2%")).unwrap().verdict(),
        Verdict::Exact
    );
}

#[test]
fn report_text_and_json() {
    let csv = "地区,指标,时期,数值,同比增长\n示例县,接待游客,2023年,74.2万人次,-2.3\n示例县,接待游客,2022年,66.36万人次,\n示例县,社会消费品零售总额,2023年,120.5亿元,9.5\n";
    let (table, _) = Table::read_csv(csv.as_bytes()).unwrap();
    let report = table.audit();
    assert_eq!(
        report.to_string(),
        "审核报告\n共审核2项勾稽关系，发现1处不一致：\n\
         1. 【核实性】示例县 接待游客 2023年：下降2.3%与74.2万人次、66.36万人次不符，应为增长11.8%（可取范围(11.73, 11.9)，低于下限14.03）\n\
         无法核对1项：缺少计算所需的数据1项。\n\
         精确相符0项，在修约范围内相符0项。\n"
    );
    let json: serde_json::Value = serde_json::to_value(&report).unwrap();
    let golden: serde_json::Value =
        serde_json::from_str(include_str!("data/audit_golden.json")).unwrap();
    assert_eq!(
        json,
        golden,
        "{}",
        serde_json::to_string_pretty(&json).unwrap()
    );
}

#[test]
fn table_rules_each_fire() {
    // 前三季度 sectors against GDP (complete), 其中民生支出 against 一般公共预算支出 (其中), townships
    // against the county, 累计 falling, 当月 from two 累计, and a growth over a preliminary base.
    let csv = "地区,指标,时期,数值,状态,同比增长\n\
        示例县,地区生产总值,2023年前三季度,78.80亿元,,\n\
        示例县,第一产业增加值,2023年前三季度,8.44亿元,,\n\
        示例县,第二产业增加值,2023年前三季度,28.35亿元,,\n\
        示例县,第三产业增加值,2023年前三季度,42.11亿元,,\n\
        示例县,一般公共预算支出,2023年1—10月,28645万元,,\n\
        示例县,民生支出,2023年1—10月,29000万元,,\n\
        示例县,社会消费品零售总额,2023年1—9月,17054万元,,\n\
        示例县,社会消费品零售总额,2023年1—10月,16829万元,,\n\
        示例县,社会消费品零售总额,2023年10月,1775万元,,\n\
        甲镇,接待游客,2023年,40.1万人次,,\n\
        乙乡,接待游客,2023年,40.1万人次,,\n\
        示例县,接待游客,2023年,74.2万人次,,-2.3\n\
        示例县,接待游客,2022年,66.36万人次,初步,\n";
    let (table, bad) = Table::read_csv(csv.as_bytes()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let report = table.audit();
    type Seen<'a> = (Rule, Verdict, Option<Severity>, Option<Reason>, &'a str);
    let got: Vec<Seen<'_>> = report
        .findings()
        .iter()
        .map(|f| {
            (
                f.rule(),
                f.verdict(),
                f.severity(),
                f.reason(),
                f.expected_text(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Rule::Cumulative,
                Verdict::Inconsistent,
                Some(Severity::Mandatory),
                None,
                ""
            ),
            (
                Rule::Monthly,
                Verdict::Inconsistent,
                Some(Severity::Verify),
                None,
                "-225万元"
            ),
            (
                Rule::Growth,
                Verdict::NotCheckable,
                None,
                Some(Reason::RevisedBase),
                "增长11.8%"
            ),
            (
                Rule::Sum,
                Verdict::Inconsistent,
                Some(Severity::Verify),
                None,
                "78.90亿元"
            ),
            (
                Rule::PartOf,
                Verdict::Inconsistent,
                Some(Severity::Mandatory),
                None,
                ""
            ),
            (
                Rule::PartOf,
                Verdict::Inconsistent,
                Some(Severity::Mandatory),
                None,
                ""
            ),
        ],
        "{report}"
    );
    // The audit changes no figure.
    let again = Table::read_csv(csv.as_bytes()).unwrap().0;
    let values = |t: &Table| t.iter().map(|o| o.value().to_string()).collect::<Vec<_>>();
    assert_eq!(values(&table), values(&again));
}

#[test]
fn bad_input_gets_an_error_or_not_checkable() {
    // Mixed units in a sum: an error naming the operands.
    let e = audit::sum(&[q("1万元"), q("2万人次")], &q("3万元")).unwrap_err();
    assert!(e.is_unit_mismatch(), "{e}");
    // A target of zero.
    let f = audit::completion(&q("1万元"), &q("0万元"), &r("10%")).unwrap();
    assert_eq!(
        (f.verdict(), f.reason()),
        (Verdict::NotCheckable, Some(Reason::ZeroBase))
    );
    // A divisor whose range straddles zero: 0.0 stands for (−0.05, 0.05).
    let f = audit::share(&q("1万元"), &q("0.0万元"), &r("10%")).unwrap();
    assert_eq!(
        (f.verdict(), f.reason()),
        (Verdict::NotCheckable, Some(Reason::ZeroBase))
    );
    let f = audit::contribution_share(
        &q("5.1亿元"),
        &q("5.0亿元"),
        &q("10.0亿元"),
        &q("10.0亿元"),
        &r("10%"),
    )
    .unwrap();
    assert_eq!(f.verdict(), Verdict::NotCheckable);
    // One-sided operands (以上).
    // At least 20%: a share of 20% may be, one of 10% cannot; never exact.
    let f = audit::share(&q("1000万元以上"), &q("5000万元"), &r("20%")).unwrap();
    assert_eq!(f.verdict(), Verdict::Consistent);
    let f = audit::share(&q("1000万元以上"), &q("5000万元"), &r("10%")).unwrap();
    assert_eq!(f.verdict(), Verdict::Inconsistent);
    let f = audit::difference(&q("1000万元以上"), &q("500万元以上"), &q("500万元")).unwrap();
    assert_eq!(
        (f.verdict(), f.reason()),
        (Verdict::NotCheckable, Some(Reason::Unbounded))
    );
    let f = audit::sum(&[q("1000万元以上"), q("10万元")], &q("1500万元")).unwrap();
    assert_eq!(
        f.verdict(),
        Verdict::Consistent,
        "at least 1009.5万元: 1500 may be it"
    );
    let f = audit::sum(&[q("1000万元以上"), q("10万元")], &q("900万元")).unwrap();
    assert_eq!(f.verdict(), Verdict::Inconsistent);
    // A stated rate with no operands: the ledger's due count of zero.
    let f = audit::task_completion(0, 4, 4, &r("100%")).unwrap();
    assert_eq!(
        (f.verdict(), f.reason()),
        (Verdict::NotCheckable, Some(Reason::ZeroBase))
    );
    // An overflowing interval end: 28-digit figures.
    let huge = q("79228162514264337593543950335元");
    let f = audit::sum(&[huge, huge], &huge).unwrap();
    assert_eq!(
        (f.verdict(), f.reason()),
        (Verdict::NotCheckable, Some(Reason::Overflow))
    );
    let f = audit::growth(
        &huge,
        &q("0.000000000000000000000000001元"),
        &"增长5%".parse().unwrap(),
    );
    assert!(f.is_err() || f.unwrap().verdict() != Verdict::Consistent);
}

#[test]
fn half_even_is_a_choice() {
    // 1025 / 10000 is exactly 10.25%: 10.3% by 四舍五入, 10.2% by GB/T 8170.
    // Exact operands (a count, a set number): the tie is real.
    let (a, t) = (q("1025万元").exact(), q("10000万元"));
    let away = audit::completion(&a, &t, &r("10.2%")).unwrap();
    assert_eq!(
        (away.verdict(), away.severity()),
        (Verdict::ConsistentIfTruncated, Some(Severity::Hint))
    );
    let even = audit::Auditor::new()
        .rounding(RoundingMode::HalfEven)
        .completion(&a, &t, &r("10.2%"))
        .unwrap();
    assert_eq!(even.verdict(), Verdict::Consistent);
    let table = Table::new();
    assert!(
        table
            .audit_with(&AuditOptions::new().rounding(RoundingMode::HalfEven))
            .is_empty()
    );
}

// ---- properties ----

/// Rounds half away from zero to `places`: how the generated report prints.
fn print(v: Decimal, places: u32) -> Decimal {
    v.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
}

/// The exact values a generated report is printed from, in 万元: three sectors this year and last,
/// and an annual target (a set number).
#[derive(Debug, Clone)]
struct Truth {
    cur: [Decimal; 3],
    prev: [Decimal; 3],
    target: Decimal,
}

/// Sectors of 1000 to 100000 万元 to six decimals, growing in total by at least 100万元.
fn truth() -> impl Strategy<Value = Truth> {
    let level = || 1_000_000_000i64..100_000_000_000;
    let delta = || -500_000_000i64..5_000_000_000;
    (
        [level(), level(), level()],
        [delta(), delta(), delta()],
        3_000i64..300_000,
    )
        .prop_map(|(prev, delta, target)| {
            let micro = |m: i64| Decimal::new(m, 6);
            let prev = prev.map(micro);
            let mut delta = delta.map(micro);
            let total: Decimal = delta.iter().sum();
            let floor = Decimal::from(100);
            if total < floor {
                delta[0] += floor - total;
            }
            let cur = [prev[0] + delta[0], prev[1] + delta[1], prev[2] + delta[2]];
            Truth {
                cur,
                prev,
                target: Decimal::from(target),
            }
        })
        .prop_filter("sectors stay positive", |t| {
            t.cur.iter().all(|c| *c > Decimal::ONE)
        })
}

/// A generated report: the figures printed from a truth, each once.
#[derive(Debug, Clone)]
struct Printed {
    cur: Vec<Quantity>,
    prev: Vec<Quantity>,
    total_wan: Quantity,
    total_prev_wan: Quantity,
    total_yi: Quantity,
    target: Quantity,
    shares: Vec<Rate>,
    growth: Rate,
    completion: Rate,
    remaining: Quantity,
    pulls: Vec<PercentPoints>,
    contribution_shares: Vec<Rate>,
}

fn wan(v: Decimal, places: u32) -> Quantity {
    format!("{}万元", print(v, places)).parse().unwrap()
}

fn percent(v: Decimal) -> Rate {
    format!("{}%", print(v, 1)).parse().unwrap()
}

impl Truth {
    fn print(&self) -> Printed {
        let hundred = Decimal::ONE_HUNDRED;
        let total: Decimal = self.cur.iter().sum();
        let total_prev: Decimal = self.prev.iter().sum();
        Printed {
            cur: self.cur.iter().map(|v| wan(*v, 2)).collect(),
            prev: self.prev.iter().map(|v| wan(*v, 2)).collect(),
            total_wan: wan(total, 2),
            total_prev_wan: wan(total_prev, 2),
            total_yi: format!("{}亿元", print(total / Decimal::from(10_000), 2))
                .parse()
                .unwrap(),
            target: format!("{}万元", self.target).parse().unwrap(),
            shares: self
                .cur
                .iter()
                .map(|c| percent(c * hundred / total))
                .collect(),
            growth: percent((total / total_prev - Decimal::ONE) * hundred),
            completion: percent(total * hundred / self.target),
            remaining: wan(self.target - total, 2),
            pulls: self
                .cur
                .iter()
                .zip(&self.prev)
                .map(|(c, p)| {
                    format!("{}个百分点", print((c - p) * hundred / total_prev, 1))
                        .parse()
                        .unwrap()
                })
                .collect(),
            contribution_shares: self
                .cur
                .iter()
                .zip(&self.prev)
                .map(|(c, p)| percent((c - p) * hundred / (total - total_prev)))
                .collect(),
        }
    }
}

/// Every check the generated report allows.
fn audit_all(p: &Printed) -> Vec<Finding> {
    let mut out = vec![
        audit::sum(&p.cur, &p.total_yi).unwrap(),
        audit::sum(&p.cur, &p.total_wan).unwrap(),
        audit::stated_twice(&p.total_wan, &p.total_yi).unwrap(),
        audit::shares_sum(&p.shares).unwrap(),
        audit::growth(&p.total_wan, &p.total_prev_wan, &Growth::from(p.growth)).unwrap(),
        audit::completion(&p.total_wan, &p.target, &p.completion).unwrap(),
        // A target is a set number.
        audit::difference(&p.target.exact(), &p.total_wan, &p.remaining).unwrap(),
        audit::pulls_sum(&p.pulls, &p.growth).unwrap(),
        audit::contribution_shares_sum(&p.contribution_shares).unwrap(),
    ];
    for i in 0..3 {
        out.push(audit::share(&p.cur[i], &p.total_wan, &p.shares[i]).unwrap());
        out.push(audit::pull(&p.cur[i], &p.prev[i], &p.total_prev_wan, &p.pulls[i]).unwrap());
        out.push(
            audit::contribution_share(
                &p.cur[i],
                &p.prev[i],
                &p.total_wan,
                &p.total_prev_wan,
                &p.contribution_shares[i],
            )
            .unwrap(),
        );
    }
    out.extend(audit::structure(&p.cur, &p.shares).unwrap());
    out
}

/// Moves the `which`-th stated derived figure by `units` of its last digit; returns its new text.
fn moved(p: &mut Printed, which: usize, units: i64) -> String {
    let by = |d: Decimal| d + Decimal::new(units, d.scale());
    let rate = |x: &mut Rate| {
        *x = format!("{}%", by(x.percent())).parse().unwrap();
        x.to_string()
    };
    match which {
        0 => {
            p.total_yi = format!("{}亿元", by(p.total_yi.value())).parse().unwrap();
            p.total_yi.to_string()
        }
        1..=3 => rate(&mut p.shares[which - 1]),
        4 => {
            rate(&mut p.growth);
            Growth::from(p.growth).to_string()
        }
        5 => rate(&mut p.completion),
        6 => {
            p.remaining = format!("{}万元", by(p.remaining.value())).parse().unwrap();
            p.remaining.to_string()
        }
        7..=9 => {
            let x = &mut p.pulls[which - 7];
            *x = format!("{}个百分点", by(x.value())).parse().unwrap();
            x.to_string()
        }
        _ => rate(&mut p.contribution_shares[which - 10]),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::default())] // 256 cases, or PROPTEST_CASES (10,000 in .ci/run)

    /// Printed once from exact values, a report's figures all stand.
    #[test]
    fn figures_printed_from_exact_values_stand(t in truth()) {
        for f in audit_all(&t.print()) {
            prop_assert!(f.verdict().is_consistent(), "{f} from {t:?}");
        }
    }

    /// A stated figure moved by two or more units of its last digit is found, and named.
    #[test]
    fn a_moved_figure_is_found(t in truth(), which in 0usize..13, units in 2i64..50, down in any::<bool>()) {
        let mut p = t.print();
        let units = if down { -units } else { units };
        let text = moved(&mut p, which, units);
        let findings = audit_all(&p);
        let named = |f: &Finding| {
            f.stated().text() == text || f.figures().iter().any(|g| g.text() == text)
        };
        prop_assert!(
            findings.iter().any(|f| f.verdict() == Verdict::Inconsistent && named(f)),
            "{text} moved by {units} not found among {:?}",
            findings.iter().map(|f| f.to_string()).collect::<Vec<_>>()
        );
    }

    /// The range a rule allows holds the exact result of the values its operands were printed from.
    #[test]
    fn allowed_ranges_hold_the_exact_result(t in truth(), places in 0u32..=3) {
        let hundred = Decimal::ONE_HUNDRED;
        let at = |v: Decimal| wan(v, places);
        let (c, p) = (t.cur, t.prev);
        let total: Decimal = c.iter().sum();
        let total_prev: Decimal = p.iter().sum();
        let holds = |f: Finding, exact: Decimal| -> Result<(), TestCaseError> {
            if let Some(range) = f.allowed() {
                prop_assert!(range.contains(exact), "{exact} outside {range} in {f}");
            } else {
                prop_assert_eq!(f.verdict(), Verdict::NotCheckable);
            }
            Ok(())
        };
        let any_rate = r("1%");
        let any_qty = q("1万元");
        let cur: Vec<Quantity> = c.iter().map(|v| at(*v)).collect();
        holds(audit::sum(&cur, &any_qty).unwrap(), total)?;
        holds(audit::difference(&at(c[0]), &at(p[1]), &any_qty).unwrap(), c[0] - p[1])?;
        holds(audit::share(&at(c[0]), &at(total), &any_rate).unwrap(), c[0] * hundred / total)?;
        holds(audit::completion(&at(total), &wan(t.target, 0), &any_rate).unwrap(), total * hundred / t.target)?;
        holds(
            audit::growth(&at(total), &at(total_prev), &Growth::from(any_rate)).unwrap(),
            (total / total_prev - Decimal::ONE) * hundred,
        )?;
        let kg: Quantity = format!("{}万公斤", print(p[0], places)).parse().unwrap();
        holds(audit::per_unit(&at(c[0]), &kg, &q("1元")).unwrap(), c[0] / p[0])?;
        holds(
            audit::multiple(&at(c[1]), &at(p[1]), &"1倍".parse().unwrap()).unwrap(),
            c[1] / p[1],
        )?;
        holds(
            audit::pull(&at(c[2]), &at(p[2]), &at(total_prev), &"1个百分点".parse().unwrap()).unwrap(),
            (c[2] - p[2]) * hundred / total_prev,
        )?;
        holds(
            audit::contribution_share(&at(c[2]), &at(p[2]), &at(total), &at(total_prev), &any_rate).unwrap(),
            (c[2] - p[2]) * hundred / (total - total_prev),
        )?;
        for (i, f) in audit::structure(&cur, &[any_rate, any_rate, any_rate]).unwrap().into_iter().take(3).enumerate() {
            holds(f, c[i] * hundred / total)?;
        }
        // 两年平均 of two growth rates printed at `places`, and 年均增长 over three years.
        let g1 = (c[0] / p[0] - Decimal::ONE) * hundred;
        let g2 = (c[1] / p[1] - Decimal::ONE) * hundred;
        let printed: Vec<Rate> = [g1, g2].iter().map(|g| format!("{}%", print(*g, places)).parse().unwrap()).collect();
        let exact = tongji::average_growth(&[Rate::from_percent(g1), Rate::from_percent(g2)]).unwrap().percent();
        holds(audit::average_growth(&printed, &any_rate).unwrap(), exact)?;
        let exact = tongji::cagr(&tongji::Quantity::new(c[0], tongji::Magnitude::TenThousand, tongji::Unit::YUAN).unwrap(),
            &tongji::Quantity::new(p[0], tongji::Magnitude::TenThousand, tongji::Unit::YUAN).unwrap(), 3).unwrap().percent();
        holds(audit::cagr(&at(c[0]), &at(p[0]), 3, &any_rate).unwrap(), exact)?;
        let (r1, r2) = (c[0] * hundred / total, p[0] * hundred / total_prev);
        let at_rate = |v: Decimal| -> Rate { format!("{}%", print(v, places)).parse().unwrap() };
        holds(audit::points(&at_rate(r1), &at_rate(r2), &"1个百分点".parse().unwrap()).unwrap(), r1 - r2)?;
    }

    /// Interval arithmetic holds every result of values drawn from the operands.
    #[test]
    fn interval_arithmetic_holds_every_result(
        a in -1_000_000i64..1_000_000, b in 1i64..1_000_000, pa in 0u32..4, pb in 0u32..4,
        ka in 1i64..1000, kb in 1i64..1000, k in -1000i64..1000,
    ) {
        let (a, b) = (Decimal::new(a, pa), Decimal::new(b, pb));
        let (ia, ib) = (
            Interval::rounding(a, pa, RoundingMode::HalfAwayFromZero),
            Interval::rounding(b, pb, RoundingMode::HalfAwayFromZero),
        );
        // Values strictly inside: lower + width × k / 1000.
        let inside = |i: &Interval, k: i64| {
            let (lo, hi) = (i.lower().unwrap(), i.upper().unwrap());
            lo + (hi - lo) * Decimal::new(k, 3)
        };
        let (x, y) = (inside(&ia, ka), inside(&ib, kb));
        prop_assert!(ia.contains(x) && ib.contains(y));
        prop_assert!(ia.checked_add(&ib).unwrap().contains(x + y));
        prop_assert!(ia.checked_sub(&ib).unwrap().contains(x - y));
        prop_assert!(ia.checked_mul(&ib).unwrap().contains(x * y));
        if !ib.contains(Decimal::ZERO) && ib.lower() != Some(Decimal::ZERO) {
            prop_assert!(ia.checked_div(&ib).unwrap().contains(x / y));
        }
        // By an exact figure of either sign (a set number, a unit's factor).
        let k = Decimal::new(k, 1);
        prop_assert!(ia.checked_mul(&Interval::point(k)).unwrap().contains(x * k));
        prop_assert!(Interval::point(k).checked_mul(&ib).unwrap().contains(k * y));
        if !k.is_zero() {
            prop_assert!(ia.checked_div(&Interval::point(k)).unwrap().contains(x / k));
        }
    }
}
