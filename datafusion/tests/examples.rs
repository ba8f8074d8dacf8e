//! Every example runs: the report job on the bundled data, the race on a small generated file,
//! and the cluster example's usage.

use std::path::PathBuf;
use std::process::{Command, Output};

/// The example's binary, built by `cargo test` next to this test's own binary.
fn example(name: &str) -> PathBuf {
    let mut dir = std::env::current_exe().unwrap();
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
fn report_sql_runs_on_the_sample() {
    let out = run("report_sql", &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    // 丙乡's 一般公共预算收入: 1577 over 1501万元, 5.1%; its 固定资产投资 growth is published at
    // comparable coverage, so none is recomputed.
    let line = |needle: &str| {
        stdout
            .lines()
            .find(|l| l.contains("丙乡") && l.contains(needle) && l.contains("2023年"))
            .unwrap_or_else(|| panic!("no {needle} line in:\n{stdout}"))
            .to_string()
    };
    assert!(
        line("budget_revenue").contains("| 1501.00  |          | 5.1  "),
        "{stdout}"
    );
    let fai = line("| fai ");
    assert!(
        fai.contains("| 10901.00 |") && !fai.contains("3.4"),
        "{fai}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 266"), "{stderr}");
}

#[test]
fn race_sql_counts_the_rows_where_the_builtin_sql_differs() {
    let dir = std::env::temp_dir().join(format!("tongji-race-sql-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("race.csv");
    // 844476.31 → 207319.54万元: −75.4499…%, −75.4 exactly; DataFusion's cut quotient gives −75.5.
    std::fs::write(
        &file,
        "地区,指标,时期,数值\n县0001,investment_attracted,2020年8月,844476.31万元\n\
         县0001,investment_attracted,2021年8月,207319.54万元\n\
         县0001,retail,2020年8月,100.00万元\n县0001,retail,2021年8月,110.00万元\n",
    )
    .unwrap();
    let out = run("race_sql", &[file.to_str().unwrap(), "1"]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("growths computed by tongji: 2; rows where the built-in SQL differs: 1"),
        "{stdout}"
    );
    assert!(
        stdout.contains(r#"tongji Some("-75.4"), built-in Some("-75.5")"#),
        "{stdout}"
    );
    // No file: usage, exit 2.
    assert_eq!(run("race_sql", &[]).status.code(), Some(2));
}

#[test]
fn ballista_cluster_says_how_to_start_a_process() {
    let out = run("ballista_cluster", &["neither"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("scheduler [PORT]") && stderr.contains("executor"),
        "{stderr}"
    );
}
