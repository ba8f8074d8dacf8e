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
    assert!(stdout.contains("地区生产总值"), "{stdout}");
    assert!(stdout.contains("136.91亿元"), "{stdout}");
    assert!(stdout.contains("3555万元"), "{stdout}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("placeholder"),
        "the sample's X row is reported: {stderr}"
    );
}

#[test]
fn county_report_reports_bad_rows_by_line() {
    let dir = std::env::temp_dir().join(format!("tongji-example-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.csv");
    std::fs::write(&file, "指标,数值\n收入,12.5万元\n人口,3光年\n支出,8万元\n").unwrap();
    let out = run("county_report", &[file.to_str().unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 3"), "{stderr}");
    assert!(stderr.contains("光年"), "{stderr}");
    assert!(
        stdout.contains("12.5万元") && stdout.contains("8万元"),
        "good rows kept: {stdout}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
