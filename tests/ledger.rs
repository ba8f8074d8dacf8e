//! The reform-task ledger and the rectification list: seed 004's numbers, bad input, monthly
//! snapshots, and properties of the summary.

use chrono::NaiveDate;
use proptest::prelude::*;
use tongji::{ErrorKind, Ledger, Rectification, Task, TaskStatus};

const LEDGER_2021: &[u8] = include_bytes!("../examples/data/ledger_2021.csv");
const LEDGER_BAD: &[u8] = include_bytes!("data/ledger_bad.csv");

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn seed_004_summary_comes_out_exactly() {
    let (ledger, bad) = Ledger::read_csv(LEDGER_2021).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let s = ledger.summary();
    let per_domain: Vec<(&str, u32, u32, u32)> = s
        .domains()
        .iter()
        .map(|(d, c)| (d.as_str(), c.total(), c.completed(), c.deferred()))
        .collect();
    assert_eq!(
        per_domain,
        [
            ("经济体制", 10, 10, 0),
            ("城区发展体制", 6, 6, 0),
            ("行政体制", 4, 2, 2),
            ("文化体制", 4, 4, 0),
            ("社会体制", 9, 7, 2),
            ("民主法制", 4, 4, 0),
            ("生态文明体制", 2, 2, 0),
            ("党的建设", 5, 5, 0),
        ]
    );
    assert_eq!(s.overall().total(), 44);
    assert_eq!(s.overall().completed(), 40);
    assert_eq!(s.completion_rate().to_string(), "100.0%");
    assert_eq!(s.completion_rate_all().to_string(), "90.9%");
    assert_eq!(s.overall().institutional(), 33);
    assert_eq!(
        s.sentence(),
        "明确8大领域共计44项改革事项(其中4项延期)，40项全部完成，完成率100%"
    );
    let task = ledger.get("19").unwrap();
    assert_eq!(task.title(), "开展行政复议体制改革");
    assert!(task.reason().unwrap().contains("市级行政复议体制改革方案"));
}

#[test]
fn bad_rows_have_lines_and_nothing_is_dropped_silently() {
    let (ledger, bad) = Ledger::read_csv(LEDGER_BAD).unwrap();
    assert_eq!(ledger.len(), 2, "rows 1 and 5 are good");
    let found: Vec<String> = bad.iter().map(|e| e.to_string()).collect();
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(
        found[0].starts_with("line 3, column 延期原因"),
        "{}",
        found[0]
    );
    assert!(
        found[1].starts_with("line 4, column 状态") && found[1].contains("完工"),
        "{}",
        found[1]
    );
    assert!(
        found[2].starts_with("line 5, column 完成时限") && found[2].contains("明年"),
        "{}",
        found[2]
    );
    assert_eq!(
        found[3],
        "line 6, column 编号: duplicate task 1 (first at line 2)"
    );
    assert_eq!(bad[3].kind(), ErrorKind::Duplicate);
    assert_eq!(bad[3].location().and_then(|l| l.line()), Some(6));
}

#[test]
fn overdue_and_snapshots() {
    let csv = "编号,领域,任务,牵头单位,完成时限,状态,延期原因\n\
        1,经济体制,任务1,发改委,2021年9月,推进中,\n\
        2,经济体制,任务2,发改委,2021年10月,推进中,\n\
        3,经济体制,任务3,发改委,2021年11月,推进中,\n\
        4,经济体制,任务4,发改委,2021年8月,取消,上级取消\n";
    let (last, _) = Ledger::read_csv(csv.as_bytes()).unwrap();
    let now_csv = csv.replace(
        "1,经济体制,任务1,发改委,2021年9月,推进中,",
        "1,经济体制,任务1,发改委,2021年9月,已完成,",
    ) + "5,经济体制,任务5,发改委,2021年12月,未启动,\n";
    let (now, _) = Ledger::read_csv(now_csv.as_bytes()).unwrap();
    let ids = |tasks: &[&Task]| tasks.iter().map(|t| t.id().to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&last.overdue(date(2021, 10, 31))), ["1"]);
    let c = now.changes_since(date(2021, 11, 30), &last, date(2021, 10, 31));
    assert_eq!(ids(c.completed()), ["1"]);
    assert_eq!(ids(c.newly_overdue()), ["2"]);
    assert_eq!(ids(c.added()), ["5"]);
    assert_eq!(c.status_changes().len(), 1);
    assert_eq!(ids(&now.due_within(date(2021, 11, 30), 31)), ["3", "5"]);
}

#[test]
fn rectification_rate() {
    let csv = "来源,问题,责任单位,状态,整改时限\n巡察,问题1,甲局,已整改,2021年6月\n巡察,问题2,乙局,整改中,2021年12月\n\
        督查,问题3,丙局,已整改,\n审计,问题4,丁局,未整改,\n审计,问题5,丁局,已整改,\n";
    let (list, bad) = Rectification::read_csv(csv.as_bytes()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let c = list.counts();
    assert_eq!(
        (c.found(), c.rectified(), c.in_progress(), c.not_started()),
        (5, 3, 1, 1)
    );
    assert_eq!(
        list.sentence(),
        "整改问题清单5项，目前已整改3项，整改率达到60%"
    );
    let by: Vec<(String, u32, u32)> = list
        .by_source()
        .into_iter()
        .map(|(s, c)| (s, c.found(), c.rectified()))
        .collect();
    assert_eq!(
        by,
        [
            ("巡察".into(), 2, 1),
            ("督查".into(), 1, 1),
            ("审计".into(), 2, 1)
        ]
    );
}

fn status() -> impl Strategy<Value = TaskStatus> {
    prop::sample::select(vec![
        TaskStatus::Completed,
        TaskStatus::InProgress,
        TaskStatus::Deferred,
        TaskStatus::NotStarted,
        TaskStatus::Cancelled,
    ])
}

fn ledger() -> impl Strategy<Value = Ledger> {
    prop::collection::vec((0usize..5, status(), any::<bool>()), 0..40).prop_map(|tasks| {
        let domains = ["经济体制", "行政体制", "社会体制", "文化体制", "党的建设"];
        let mut l = Ledger::new();
        for (i, (d, s, inst)) in tasks.into_iter().enumerate() {
            let t = Task::new(
                &i.to_string(),
                domains[d],
                &format!("任务{i}"),
                "某局",
                "2021年12月".parse().unwrap(),
            )
            .with_status(s, Some("原因"))
            .unwrap()
            .with_outcome(if inst { "制度性成果" } else { "" }, &["《办法》"]);
            l.insert(t).unwrap();
        }
        l
    })
}

proptest! {
    #[test]
    fn counts_add_up_to_the_total(l in ledger()) {
        let s = l.summary();
        let c = s.overall();
        prop_assert_eq!(c.total() as usize, l.len());
        prop_assert_eq!(c.completed() + c.in_progress() + c.deferred() + c.cancelled() + c.not_started(), c.total());
        let domain_total: u32 = s.domains().iter().map(|(_, c)| c.total()).sum();
        prop_assert_eq!(domain_total, c.total());
        prop_assert!(c.institutional() <= c.completed());
    }

    #[test]
    fn rates_are_at_most_100_and_agree_without_deferrals(l in ledger()) {
        let s = l.summary();
        for rate in [s.completion_rate(), s.completion_rate_all()] {
            if let Some(r) = rate.rate() {
                prop_assert!(r.percent() <= rust_decimal::Decimal::ONE_HUNDRED);
            }
        }
        if s.overall().deferred() == 0 && s.overall().cancelled() == 0 {
            prop_assert_eq!(s.completion_rate(), s.completion_rate_all());
        }
    }

    #[test]
    fn csv_round_trip(l in ledger()) {
        let mut out = Vec::new();
        l.write_csv(&mut out, &tongji::WriteOptions::new().bom(true)).unwrap();
        let (back, bad) = Ledger::read_csv(out.as_slice()).unwrap();
        prop_assert!(bad.is_empty(), "{:?}", bad);
        prop_assert_eq!(back, l);
    }
}
