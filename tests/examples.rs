//! Every example runs, on the bundled data and on bad input, and prints what it should.

use std::path::PathBuf;
use std::process::{Command, Output};

/// The example's binary, built by `cargo test` next to this test's own binary.
fn example(name: &str) -> PathBuf {
    let mut dir = std::env::current_exe().expect("test binary path");
    dir.pop(); // deps
    dir.pop(); // debug or release
    dir.join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

fn run(name: &str, args: &[&str]) -> Output {
    let path = example(name);
    Command::new(&path)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", path.display()))
}

#[test]
fn county_report_runs_on_the_sample() {
    let out = run("county_report", &[]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "示例县 2023年1—10月",
        "固定资产投资        47149万元    45695万元    增长6.6%           5.6亿元   84.2%   快于序时进度0.9个百分点",
        "社会消费品零售总额  18829万元    17563万元    增长7.2%（推算）",
        "三次产业结构 10.7:36.0:53.3",
        "城镇居民人均可支配收入  与全县一致（37063元）",
        "固定资产投资当月值（累计相减，1—2月合并发布）: 3月4255万元",
        "改革台账：明确8大领域共计44项改革事项(其中4项延期)，40项全部完成，完成率100%，出台制度性成果33项。",
        "审核报告\n共审核101项勾稽关系，未发现不一致。\n无法核对13项：增速按可比价格计算，总量为现价4项；增速按可比口径计算9项。\n精确相符16项，在修约范围内相符72项。",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("line 266, column 数值") && stderr.contains("placeholder"),
        "{stderr}"
    );
}

#[test]
fn county_report_reports_bad_rows_by_line() {
    let dir = std::env::temp_dir().join(format!("tongji-example-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("my.csv");
    std::fs::write(
        &file,
        "地区,指标,时期,数值\n某县,retail,2023年,12.5亿元\n某县,retail,2022年,3光年\n某县,retail,2022年,11亿元\n",
    )
    .unwrap();
    let out = run("county_report", &[file.to_str().unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(out.status.success());
    assert!(
        stderr.contains("line 3") && stderr.contains("光年"),
        "{stderr}"
    );
    assert!(
        stdout.contains("社会消费品零售总额  12.5亿元  11亿元    增长13.6%（推算）"),
        "good rows kept: {stdout}"
    );
}

#[test]
fn county_report_audits_the_figures() {
    let dir = std::env::temp_dir().join(format!("tongji-audit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("tourists.csv");
    std::fs::write(
        &file,
        "地区,指标,时期,数值,同比增长\n示例县,接待游客,2023年,74.2万人次,-2.3\n示例县,接待游客,2022年,66.36万人次,\n",
    )
    .unwrap();
    let out = run("county_report", &[file.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert!(
        stdout.contains("共审核1项勾稽关系，发现1处不一致：\n1. 【核实性】示例县 接待游客 2023年：下降2.3%与74.2万人次、66.36万人次不符，应为增长11.8%"),
        "{stdout}"
    );
}

#[test]
fn load_csv_reads_what_it_generates() {
    let out = run("load_csv", &["5000"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    // Every third row has a published rate; the others recompute from last year where allowed.
    assert!(stdout.contains("5000 rows read, 0 bad"), "{stdout}");
}

#[test]
fn ledger_report_prints_the_seed_summary() {
    let out = run("ledger_report", &[]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "明确8大领域共计44项改革事项(其中4项延期)，40项全部完成，完成率100%，出台制度性成果33项。",
        "（完成率按应完成任务计100.0%，按全部任务计90.9%）",
        "行政体制,4,2,2,0,100.0%",
        "合计,44,40,4,0,100.0%",
        "截至2022-07-01逾期未完成（挂账督办）：0项",
        "19 开展行政复议体制改革，牵头单位区司法局，时限2022年12月，延期",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
    // As of 2023, the four deferred tasks are overdue.
    let out = run(
        "ledger_report",
        &["examples/data/ledger_2021.csv", "2023-01-15"],
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("逾期未完成（挂账督办）：4项"), "{stdout}");
}

#[test]
fn monthly_report_reads_the_bundled_wide_table() {
    let out = run("monthly_report", &[]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "region: XX县 (from the title)",
        "footnote: 地区生产总值 is of 2023年前三季度",
        "固定资产投资                47149万元      45695万元      增长6.6%   56000万元  84.2%   快于序时进度0.9个百分点",
        "全社会用电量                35210万千瓦时  33950万千瓦时  增长3.7%",
        "审核报告\n共审核11项勾稽关系，未发现不一致。",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn monthly_report_reports_bad_cells_and_keeps_the_rest() {
    let dir = std::env::temp_dir().join(format!("tongji-monthly-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("月报.csv");
    std::fs::write(
        &file,
        "某县2023年1-6月主要指标\n指标名称\t1-本月累计\t上年同期\n社会消费品零售总额\t9.1亿元\t8.6亿元\n全社会用电量\tX万千瓦时\t1.2万千瓦时\n",
    )
    .unwrap();
    let out = run("monthly_report", &[file.to_str().unwrap()]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("社会消费品零售总额  9.1亿元  8.6亿元   增长5.8%（推算）"),
        "{stdout}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "line 4, column 1-本月累计: \"X万千瓦时\" is a placeholder, not a figure\n"
    );
    let missing = run("monthly_report", &[dir.join("none.xlsx").to_str().unwrap()]);
    assert!(!missing.status.success());
    assert!(
        String::from_utf8(missing.stderr)
            .unwrap()
            .starts_with("cannot read the workbook")
    );
}
