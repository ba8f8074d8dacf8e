//! The `tongji` binary run as a user runs it: every subcommand's output against its golden file,
//! every exit code, stdin, GBK, UTF-16 and workbook input, a closed pipe, the JSON against its
//! schema. `TONGJI_BLESS=1 cargo test -p tongji-cli` rewrites the golden files after a deliberate
//! change (read the diff before committing it).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

#[path = "../../benches/support/generate.rs"]
mod generate;

fn cli_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file of the repository as an argument: its path from the root, where the binary runs (so
/// that messages and golden files do not depend on where the repository is).
fn repo(path: &str) -> String {
    path.to_string()
}

/// A file of `cli/tests/data` as an argument.
fn data(name: &str) -> String {
    format!("cli/tests/data/{name}")
}

/// The contents of a file of the repository, for the test itself.
fn read(path: &str) -> Vec<u8> {
    std::fs::read(cli_dir().join("..").join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read_text(path: &str) -> String {
    String::from_utf8(read(path)).expect("UTF-8")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `tongji args…` (in the repository root, so paths in messages are short), with `stdin`.
fn tongji_in(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tongji"))
        .args(args)
        .current_dir(cli_dir().join(".."))
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().expect("stdin piped");
        pipe.write_all(bytes).expect("stdin written");
    }
    let out = child.wait_with_output().expect("the binary ends");
    let run = Run {
        code: out.status.code().expect("an exit code, not a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    // Never a panic or a backtrace, whatever the input.
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "{args:?}: {}",
        run.stderr
    );
    run
}

fn tongji(args: &[&str]) -> Run {
    tongji_in(args, None)
}

/// Compares `actual` with the golden file `name`, or writes it under TONGJI_BLESS=1.
fn golden(name: &str, actual: &str) {
    let path = cli_dir().join("tests/golden").join(name);
    if std::env::var_os("TONGJI_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("a directory")).expect("golden dir");
        std::fs::write(&path, actual).expect("golden written");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (TONGJI_BLESS=1 writes it)", path.display()));
    assert!(
        expected == actual,
        "{name} differs from its golden file:\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}

fn ok(run: &Run) -> &str {
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    &run.stdout
}

// ---------------------------------------------------------------------------------------------
// compute

#[test]
fn compute_golden_table_and_csv() {
    let csv = tongji(&["compute", &repo("examples/data/county.csv"), "-f", "csv"]);
    golden("compute_county.csv", ok(&csv));
    // The one placeholder row of the sample is reported with its file, line and column; the
    // rest is used.
    assert_eq!(
        csv.stderr.trim(),
        format!(
            "tongji: {}: line 266, column 数值: \"XX万元\" is a placeholder, not a figure (row not read)",
            repo("examples/data/county.csv")
        )
    );
    let table = tongji(&[
        "compute",
        &repo("examples/data/county.csv"),
        "-f",
        "table",
        "--period",
        "2023年1至10月",
        "--region",
        "示例县",
    ]);
    golden("compute_county_1-10.txt", ok(&table));
}

/// The display column where each cell of `line` starts (cells are two or more spaces apart).
fn cell_columns(line: &str) -> Vec<usize> {
    use unicode_width::UnicodeWidthStr;
    let mut starts = Vec::new();
    let mut at = 0;
    let mut rest = line;
    while !rest.is_empty() {
        let gap = rest.len() - rest.trim_start_matches(' ').len();
        at += gap;
        rest = &rest[gap..];
        starts.push(at);
        let end = rest.find("  ").unwrap_or(rest.len());
        at += rest[..end].width_cjk();
        rest = &rest[end..];
    }
    starts
}

#[test]
fn the_terminal_table_aligns_by_east_asian_width_with_ambiguous_characters_wide() {
    // The 时期 column holds 2023年1—10月: "—" (U+2014) is ambiguous-width, counted two columns
    // as a Chinese terminal draws it. Every cell of a column starts at the header's column.
    let run = tongji(&[
        "compute",
        "examples/data/county.csv",
        "-f",
        "table",
        "--period",
        "2023年1—10月",
    ]);
    let lines: Vec<&str> = ok(&run).lines().collect();
    let header = cell_columns(lines[0]);
    assert_eq!(header.len(), 10);
    for line in &lines[1..] {
        let cells = cell_columns(line);
        // Rows without a target have fewer cells; those they have start where the header's do.
        assert!(
            cells.iter().all(|c| header.contains(c)),
            "{line:?}: {cells:?} vs {header:?}"
        );
    }
    // 2023 年 1 — 10 月, then the two-space gap: "—" counted as one column would make it 14.
    assert_eq!(header[2] - header[1], 4 + 2 + 1 + 2 + 2 + 2 + 2);
}

#[test]
fn compute_reports_the_published_figures_of_the_sample() {
    // The sample county's 1—10月 固定资产投资: 47149万元 against 45695万元, published 6.6%,
    // target 5.6亿元 → 84.2%, 0.9 points ahead of 序时进度 83.3%.
    let run = tongji(&[
        "compute",
        &repo("examples/data/county.csv"),
        "--indicator",
        "固定资产投资",
        "--period",
        "2023年1—10月",
        "--region",
        "示例县",
    ]);
    let lines: Vec<&str> = ok(&run).lines().collect();
    assert_eq!(
        lines,
        [
            "地区,时期,指标,本期,上年同期,同比增长,目标,完成率,序时进度差,代码",
            "示例县,2023年1—10月,固定资产投资,47149万元,45695万元,增长6.6%,5.6亿元,84.2%,快于序时进度0.9个百分点,fai",
        ]
    );
}

#[test]
fn rounding_and_places_apply_to_computed_figures_only() {
    // 1025万元 of 10000万元 is 10.25% exactly: a tie.
    let csv = "地区,指标,时期,数值,目标,同比增长\n示例乡,fai,2023年,1025万元,10000万元,7.25\n";
    let cell = |args: &[&str]| {
        let mut all = vec!["compute", "-", "-f", "csv"];
        all.extend_from_slice(args);
        let run = tongji_in(&all, Some(csv.as_bytes()));
        let line = ok(&run).lines().nth(1).expect("a row").to_string();
        let cells: Vec<String> = line.split(',').map(str::to_string).collect();
        (cells[5].clone(), cells[7].clone())
    };
    // The published growth stays as written; 完成率 is rounded once, as asked.
    assert_eq!(cell(&[]), ("增长7.25%".into(), "10.3%".into()));
    assert_eq!(
        cell(&["--rounding", "half-even"]),
        ("增长7.25%".into(), "10.2%".into())
    );
    assert_eq!(
        cell(&["--rounding", "truncate"]),
        ("增长7.25%".into(), "10.2%".into())
    );
    assert_eq!(
        cell(&["--places", "2"]),
        ("增长7.25%".into(), "10.25%".into())
    );
}

#[test]
fn stdin_and_a_path_give_the_same_table() {
    let path = repo("examples/data/county.csv");
    let bytes = read(&path);
    let from_path = tongji(&["compute", &path, "-f", "csv"]);
    let from_stdin = tongji_in(&["compute", "-", "-f", "csv"], Some(&bytes));
    assert_eq!(ok(&from_stdin), ok(&from_path));
    assert!(
        from_stdin
            .stderr
            .contains("tongji: stdin: line 266, column 数值")
    );
}

/// `--columns` picks compute's columns by header or key, in the order given; an unknown one is a
/// usage error naming the columns there are.
#[test]
fn columns_pick_and_order_the_output() {
    let path = repo("examples/data/county.csv");
    let all = tongji(&["compute", &path, "-f", "csv"]);
    let some = tongji(&[
        "compute",
        &path,
        "-f",
        "csv",
        "--columns",
        "同比增长,region,时期",
    ]);
    let expected: Vec<String> = ok(&all)
        .lines()
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            format!("{},{},{}", cells[5], cells[0], cells[1])
        })
        .collect();
    assert_eq!(ok(&some).lines().collect::<Vec<_>>(), expected);
    assert!(ok(&some).starts_with("同比增长,地区,时期\n"));
    let bad = tongji(&["compute", &path, "--columns", "地区,增速"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .contains("--columns \"增速\": not a column of compute"),
        "{}",
        bad.stderr
    );
}

/// Equal periods written two ways (前三季度 is 1—9月) print as each row wrote them: the line
/// writer once reused the text of an equal period.
#[test]
fn periods_print_as_written_even_when_equal() {
    let csv =
        "地区,指标,时期,数值\n甲镇,retail,2023年前三季度,1亿元\n乙乡,retail,2023年1—9月,2亿元\n";
    let run = tongji_in(&["compute", "-", "-f", "csv"], Some(csv.as_bytes()));
    let periods: Vec<&str> = ok(&run)
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(periods, ["2023年前三季度", "2023年1—9月"]);
}

#[test]
fn gbk_wide_and_long_input() {
    // The bundled 月报 as WPS saves it: GBK, CRLF, a title row, 单位 line, footnote.
    let wide = tongji(&[
        "compute",
        &repo("examples/data/monthly_gbk.csv"),
        "-f",
        "csv",
    ]);
    golden("compute_monthly_gbk.csv", ok(&wide));
    // A long table in GB18030 gives what its UTF-8 twin gives.
    let gbk = tongji(&["compute", &repo("tests/data/gbk.csv"), "-f", "csv"]);
    let utf8 = tongji(&["compute", &repo("tests/data/good.csv"), "-f", "csv"]);
    assert!(!ok(&gbk).is_empty());
    assert_eq!(ok(&gbk).replace("示例縣", "示例县"), ok(&utf8));
}

/// `text` in UTF-16LE with a BOM.
fn utf16(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes
}

/// A table as Excel's "Unicode text" export: UTF-16LE with a BOM, tab-separated, CRLF.
fn unicode_text(csv: &str) -> Vec<u8> {
    utf16(&csv.replace(',', "\t").replace('\n', "\r\n"))
}

#[test]
fn utf16_unicode_text_reads_as_its_utf8() {
    let path = repo("tests/data/good.csv");
    let text = read_text(&path);
    let run = tongji_in(&["compute", "-", "-f", "csv"], Some(&unicode_text(&text)));
    assert_eq!(ok(&run), ok(&tongji(&["compute", &path, "-f", "csv"])));
    // Report text too: the same figures as from UTF-8.
    let report = read_text(&data("report.txt"));
    let a = tongji_in(&["extract", "-", "-f", "csv"], Some(&utf16(&report)));
    let b = tongji(&["extract", &data("report.txt"), "-f", "csv"]);
    assert_eq!(ok(&a), ok(&b));
}

fn write_workbook(path: &Path) {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("10月").expect("sheet name");
    sheet
        .merge_range(
            0,
            0,
            0,
            5,
            "XX县2023年1-10月主要经济指标完成情况",
            &Format::new(),
        )
        .expect("title");
    let header = [
        "指标名称",
        "计量单位",
        "1-本月累计",
        "上年同期累计",
        "同比增长(%)",
        "年度目标",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).expect("header");
    }
    let fixed = Format::new().set_num_format("0");
    let one = Format::new().set_num_format("0.0");
    sheet
        .write_string(2, 0, "固定资产投资(不含农户)")
        .expect("name");
    sheet.write_string(2, 1, "万元").expect("unit");
    sheet
        .write_number_with_format(2, 2, 47149, &fixed)
        .expect("level");
    sheet
        .write_number_with_format(2, 3, 45695, &fixed)
        .expect("previous");
    sheet
        .write_number_with_format(2, 4, 6.6, &one)
        .expect("growth");
    sheet
        .write_number_with_format(2, 5, 56000, &fixed)
        .expect("target");
    book.save(path).expect("workbook saved");
}

#[test]
fn a_workbook_by_path_and_on_stdin() {
    let dir = std::env::temp_dir().join(format!("tongji-cli-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("月报.xlsx");
    write_workbook(&path);
    let p = path.display().to_string();
    let run = tongji(&["compute", &p, "--sheet", "10月", "-f", "csv"]);
    let expected = "地区,时期,指标,本期,上年同期,同比增长,目标,完成率,序时进度差,代码\n\
        XX县,2022年1—10月,固定资产投资,45695万元,,,,,,fai\n\
        XX县,2023年1—10月,固定资产投资,47149万元,45695万元,增长6.6%,56000万元,84.2%,快于序时进度0.9个百分点,fai\n";
    assert_eq!(ok(&run), expected);
    let bytes = std::fs::read(&path).expect("workbook");
    assert_eq!(
        ok(&tongji_in(&["compute", "-", "-f", "csv"], Some(&bytes))),
        expected
    );
    let missing = tongji(&["compute", &p, "--sheet", "11月"]);
    assert_eq!(missing.code, 3);
    assert!(missing.stderr.contains("11月"), "{}", missing.stderr);
    std::fs::remove_dir_all(&dir).ok();
}

// ---------------------------------------------------------------------------------------------
// audit

#[test]
fn audit_of_a_seed_report_finds_its_two_inconsistencies() {
    // Seed 002 (a 2023 township self-inspection report) prints 107.42% where 2.68亿元 of 2.5亿元
    // gives 107.20%, and a difference its own figures do not give.
    let seed = repo("tests/data/seeds/002_self_inspection_2023.txt");
    let run = tongji(&["audit", &seed]);
    assert_eq!(
        run.code, 1,
        "inconsistencies fail by default: {}",
        run.stderr
    );
    golden("audit_seed_002.txt", &run.stdout);
    assert!(run.stdout.contains("应为107.20%"));
    assert_eq!(tongji(&["audit", &seed, "--fail-on", "never"]).code, 0);
}

#[test]
fn fail_on_levels() {
    // 46596万元 of 4.4亿元 is 105.90…%: "105.8％" is what cutting gives, not rounding — a hint.
    let text = "1至10月完成固定资产投资46596万元，占年度任务数4.4亿元的105.8％。";
    let code =
        |level: &str| tongji_in(&["audit", "-", "--fail-on", level], Some(text.as_bytes())).code;
    assert_eq!(code("inconsistent"), 0);
    assert_eq!(code("warning"), 1);
    assert_eq!(code("never"), 0);
    let clean = "全县完成固定资产投资46596万元，占年度任务数4.4亿元的105.9％。";
    assert_eq!(
        tongji_in(
            &["audit", "-", "--fail-on", "warning"],
            Some(clean.as_bytes())
        )
        .code,
        0
    );
}

#[test]
fn audit_of_a_table_and_its_json_schema() {
    let county = repo("examples/data/county.csv");
    let text = tongji(&["audit", &county]);
    golden("audit_county.txt", ok(&text));
    let json = tongji(&["audit", &county, "-f", "json"]);
    let value: Value = serde_json::from_str(ok(&json)).expect("JSON");
    validate(&value, &schema("audit"));
    assert_eq!(value["schema"], "tongji/audit/v1");
    assert_eq!(value["counts"]["verdict"]["inconsistent"], 0);
    // Text findings carry their source, and validate too.
    let seed = repo("tests/data/seeds/002_self_inspection_2023.txt");
    let json = tongji(&["audit", &seed, "-f", "json"]);
    let value: Value = serde_json::from_str(&json.stdout).expect("JSON");
    validate(&value, &schema("audit"));
    assert_eq!(value["findings"].as_array().map(Vec::len), Some(4));
    let lines = tongji(&["audit", &seed, "-f", "jsonl", "--fail-on", "never"]);
    let findings: Vec<Value> = ok(&lines)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(findings.len(), 4);
    let finding_schema = schema("audit")["$defs"]["finding"].clone();
    for f in &findings {
        validate_in(f, &finding_schema, &schema("audit"), "$");
    }
    assert_eq!(tongji(&["audit", &seed, "-f", "csv"]).code, 2);
}

// ---------------------------------------------------------------------------------------------
// extract, fill, render

#[test]
fn extract_golden_and_schema() {
    let run = tongji(&["extract", &data("report.txt"), "-f", "csv"]);
    golden("extract_report.csv", ok(&run));
    let jsonl = tongji(&[
        "extract",
        &repo("tests/data/seeds/002_self_inspection_2023.txt"),
        "-f",
        "jsonl",
    ]);
    let text = read_text("tests/data/seeds/002_self_inspection_2023.txt");
    let extract = schema("extract");
    let mut n = 0;
    for line in ok(&jsonl).lines() {
        let v: Value = serde_json::from_str(line).expect("a JSON line");
        validate(&v, &extract);
        // The byte span is the figure's own text.
        let span = |k: &str| {
            v[k].as_str()
                .and_then(|s| s.parse::<usize>().ok())
                .expect("offset")
        };
        assert_eq!(Some(&text[span("start")..span("end")]), v["text"].as_str());
        n += 1;
    }
    assert_eq!(n, 57, "every figure of seed 002");
    let json = tongji(&["extract", &data("report.txt"), "-f", "json"]);
    let all: Value = serde_json::from_str(ok(&json)).expect("a JSON array");
    for v in all.as_array().expect("array") {
        validate(v, &extract);
    }
}

#[test]
fn fill_lists_the_unfilled_and_exits_1() {
    let run = tongji(&[
        "fill",
        &data("template.txt"),
        "--data",
        &repo("examples/data/county.csv"),
        "--region",
        "示例县",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    golden("fill_template.txt", &run.stdout);
    assert!(
        run.stdout
            .contains("全县完成固定资产投资47149万元，同比增长6.6%，完成年度目标的84.2%")
    );
    let unfilled: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("\" not filled"))
        .collect();
    assert_eq!(unfilled.len(), 1, "{}", run.stderr);
    assert!(unfilled[0].contains("line 3"), "{}", unfilled[0]);
    let allowed = tongji(&[
        "fill",
        &data("template.txt"),
        "--data",
        &repo("examples/data/county.csv"),
        "--allow-unfilled",
    ]);
    assert_eq!(allowed.code, 0);
    assert_eq!(allowed.stdout, run.stdout);
    assert_eq!(
        tongji(&["fill", &data("template.txt")]).code,
        2,
        "needs --data"
    );
}

#[test]
fn render_a_section_and_one_sentence() {
    let county = repo("examples/data/county.csv");
    let run = tongji(&[
        "render",
        &county,
        "--region",
        "示例县",
        "--period",
        "2023年1—10月",
    ]);
    golden("render_county.txt", ok(&run));
    let one = tongji(&[
        "render",
        &county,
        "--period",
        "2023年1—10月",
        "--indicator",
        "fai",
    ]);
    assert_eq!(
        ok(&one),
        "1—10月，示例县固定资产投资预计完成4.71亿元，同比增长6.6%，完成年度目标的84.2%，快于序时进度0.9个百分点。\n"
    );
    // Without --period: the region's latest year-to-date period.
    assert_eq!(ok(&tongji(&["render", &county])), ok(&run));
}

// ---------------------------------------------------------------------------------------------
// rollup, ledger, chart

#[test]
fn rollup_golden() {
    let county = repo("examples/data/county.csv");
    let run = tongji(&["rollup", &county, "--into", "示例县", "-f", "csv"]);
    golden("rollup_county.csv", ok(&run));
    assert!(
        run.stderr
            .contains("the file's own 示例县 figures are not in the sum")
    );
    // The townships' 1—10月 固定资产投资: 20664 + 15236 + 11249 万元.
    assert!(
        run.stdout
            .contains("示例县,固定资产投资,2023年1—10月,47149万元,")
    );
    // Into a new name, the county itself is still not a part (it is the whole of its townships).
    let new_name = tongji(&["rollup", &county, "--into", "全县", "-f", "csv"]);
    assert_eq!(ok(&new_name).replace("全县,", "示例县,"), run.stdout);
    let exact = tongji(&["rollup", &county, "--into", "示例县", "--exact"]);
    assert!(ok(&exact).contains("34839.321701199563794983642312元"));
    let twice = tongji(&["rollup", &county, "--into", "全县", "--parts", "甲镇,甲镇"]);
    assert_eq!(twice.code, 2);
    assert!(twice.stderr.contains("甲镇"), "{}", twice.stderr);
}

#[test]
fn ledger_summary_overdue_and_changes() {
    let run = tongji(&[
        "ledger",
        &repo("examples/data/ledger_2021.csv"),
        "--as-of",
        "2021-12-31",
        "--since",
        &data("ledger_2021_06.csv"),
        "--since-as-of",
        "2021-06-30",
    ]);
    golden("ledger_changes.txt", ok(&run));
    let june = tongji(&[
        "ledger",
        &data("ledger_2021_06.csv"),
        "--as-of",
        "2022-01-10",
    ]);
    golden("ledger_overdue.txt", ok(&june));
    let csv = tongji(&[
        "ledger",
        &repo("examples/data/ledger_2021.csv"),
        "-f",
        "csv",
        "--bom",
    ]);
    assert!(ok(&csv).starts_with("\u{feff}领域,任务数,已完成,延期,取消,完成率\n"));
}

/// Every `<text>` of an SVG: x, anchor, font size and content.
fn svg_texts(svg: &str) -> Vec<(i32, String, String)> {
    let mut out = Vec::new();
    for part in svg.split("<text ").skip(1) {
        let attr = |name: &str| {
            part.split(&format!("{name}=\""))
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or_default()
                .to_string()
        };
        let content = part
            .split('>')
            .nth(1)
            .and_then(|s| s.split('<').next())
            .unwrap_or_default()
            .trim()
            .to_string();
        out.push((attr("x").parse().expect("x"), attr("text-anchor"), content));
    }
    out
}

#[test]
fn chart_labels_fit_by_their_measured_widths() {
    let run = tongji(&["chart", &data("negative.csv")]);
    let svg = ok(&run);
    golden("chart_negative.svg", svg);
    let width: i32 = svg
        .split("width=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("the width");
    // A CJK character is one em (font-size 14.5px → 15), anything else at most 0.55 em.
    let measure = |s: &str| -> i32 { s.chars().map(|c| if c.is_ascii() { 9 } else { 15 }).sum() };
    let texts = svg_texts(svg);
    assert!(texts.iter().any(|t| t.2 == "社会消费品零售总额"));
    assert!(texts.iter().any(|t| t.2 == "下降3.5%"));
    for (x, anchor, text) in &texts {
        let (start, end) = match anchor.as_str() {
            "end" => (x - measure(text), *x),
            "middle" => (x - measure(text) / 2, x + measure(text) / 2),
            _ => (*x, x + measure(text)),
        };
        assert!(
            start >= 0 && end <= width,
            "{text:?} at {x} ({anchor}) leaves the {width}px chart"
        );
    }
    // Right-anchored names end before their panel's axis; the longest starts inside the margin.
    let names: Vec<_> = texts
        .iter()
        .filter(|t| t.1 == "end" && !t.2.contains('%'))
        .collect();
    assert!(names.iter().all(|t| t.0 - measure(&t.2) >= 10), "{names:?}");
}

// ---------------------------------------------------------------------------------------------
// exit codes, bad input, pipes

#[test]
fn exit_codes_for_every_class_of_failure() {
    let dir = std::env::temp_dir().join(format!("tongji-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).expect("written");
        p.display().to_string()
    };
    let one_line = |run: &Run| {
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        run.stderr.clone()
    };
    // 3: input.
    let missing = tongji(&["compute", "no/such/file.csv"]);
    assert_eq!(missing.code, 3);
    assert_eq!(
        one_line(&missing),
        "tongji: no/such/file.csv: no such file\n"
    );
    let d = dir.display().to_string();
    let directory = tongji(&["compute", &d]);
    assert_eq!(
        (directory.code, one_line(&directory)),
        (3, format!("tongji: {d}: is a directory, expected a file\n"))
    );
    let empty = file("empty.csv", b"");
    assert_eq!(tongji(&["compute", &empty]).code, 3);
    assert!(tongji(&["compute", &empty]).stderr.contains("empty"));
    let unmapped = file("unmapped.csv", b"a,b,c\n1,2,3\n");
    let run = tongji(&["compute", &unmapped]);
    assert_eq!(run.code, 3);
    assert!(one_line(&run).contains("missing column"), "{}", run.stderr);
    let not_text = file("bad.txt", &[0x31, 0xFF, 0xFE, 0xFD, 0x80, 0x81, 0x32]);
    let run = tongji(&["extract", &not_text]);
    assert_eq!(run.code, 3);
    assert!(
        one_line(&run).contains("byte 1 is not text"),
        "{}",
        run.stderr
    );
    let every_row_bad = file(
        "allbad.csv",
        "地区,指标,时期,数值\n示例县,gdp,2023年,X亿元\n".as_bytes(),
    );
    let run = tongji(&["compute", &every_row_bad]);
    assert_eq!(run.code, 3);
    assert!(run.stderr.contains("line 2, column 数值"), "{}", run.stderr);
    // Bad rows: each with its line and column, the others used, exit 0; --strict stops at the
    // first, exit 3.
    let bad = repo("tests/data/bad_rows.csv");
    let run = tongji(&["compute", &bad, "-f", "csv"]);
    assert_eq!(run.code, 0);
    let reported: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(reported.len(), 7, "{}", run.stderr);
    assert!(reported[0].starts_with(&format!("tongji: {bad}: line 4, column 时期: ")));
    assert!(run.stdout.lines().count() > 1);
    let strict = tongji(&["compute", &bad, "--strict"]);
    assert_eq!(strict.code, 3);
    assert!(one_line(&strict).contains("line 4, column 时期"));
    // 2: usage.
    assert_eq!(tongji(&["compute"]).code, 2);
    assert_eq!(tongji(&["frobnicate"]).code, 2);
    assert_eq!(tongji(&["compute", &bad, "--rounding", "up"]).code, 2);
    let period = tongji(&["compute", &bad, "--period", "2023年13月"]);
    assert_eq!(period.code, 2);
    assert!(
        period.stderr.contains("--period \"2023年13月\""),
        "{}",
        period.stderr
    );
    assert_eq!(tongji(&["compute", &bad, "--region", "无此县"]).code, 2);
    // 0: help and version.
    let help = tongji(&["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("示例 · Examples") && help.stdout.contains("Exit codes"));
    assert_eq!(tongji(&["--version"]).code, 0);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_closed_pipe_ends_quietly_and_no_progress_bar_off_a_terminal() {
    let dir = std::env::temp_dir().join(format!("tongji-cli-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let big = dir.join("big.csv");
    // 200,000 rows, 11.7 MB: past the size that would show a progress bar on a terminal.
    generate::write_rows(
        std::io::BufWriter::new(std::fs::File::create(&big).expect("big.csv")),
        200_000,
    )
    .expect("generated");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tongji"))
        .args(["compute", &big.display().to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    stdout.read_line(&mut first).expect("a line");
    assert!(first.starts_with("地区,时期,指标,"), "{first}");
    drop(stdout); // `| head -1`
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr read");
    let status = child.wait().expect("ends");
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(
        stderr, "",
        "nothing on stderr: no error, and no progress bar off a terminal"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn output_to_a_file_with_a_bom() {
    let dir = std::env::temp_dir().join(format!("tongji-cli-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out = dir.join("结果.csv");
    let o = out.display().to_string();
    let run = tongji(&["compute", &repo("tests/data/good.csv"), "-o", &o, "--bom"]);
    assert_eq!(run.stdout, "");
    assert_eq!(run.code, 0);
    let written = std::fs::read_to_string(&out).expect("written");
    // A file gets CSV (not the terminal table), after the BOM Excel needs.
    assert!(written.starts_with("\u{feff}地区,时期,指标,"), "{written}");
    let unwritable = tongji(&[
        "compute",
        &repo("tests/data/good.csv"),
        "-o",
        "/no/such/dir/x.csv",
    ]);
    assert_eq!(unwritable.code, 3);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn shell_completions() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = tongji(&["completions", shell]);
        assert!(ok(&run).contains("compute"), "{shell}");
    }
    assert!(tongji(&["completions", "bash"]).stdout.contains("_tongji"));
}

// ---------------------------------------------------------------------------------------------
// A validator for the part of JSON Schema the documented schemas use: type, const, enum,
// required, properties, additionalProperties, items, minimum, pattern (anchored digit patterns),
// $ref into $defs.

fn schema(name: &str) -> Value {
    let path = cli_dir().join("schema").join(format!("{name}.schema.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("schema")).expect("schema JSON")
}

fn validate(value: &Value, schema: &Value) {
    validate_in(value, schema, schema, "$");
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn validate_in(value: &Value, schema: &Value, root: &Value, at: &str) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("a $defs reference");
        return validate_in(value, &root["$defs"][name], root, at);
    }
    if let Some(c) = schema.get("const") {
        assert_eq!(value, c, "{at}");
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        assert!(e.contains(value), "{at}: {value} not one of {e:?}");
    }
    if let Some(t) = schema.get("type") {
        let allowed: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => panic!("{at}: bad type in schema"),
        };
        let actual = type_name(value);
        assert!(
            allowed.contains(&actual) || (actual == "integer" && allowed.contains(&"number")),
            "{at}: {actual} is not {allowed:?}"
        );
    }
    if let (Some(min), Some(n)) = (
        schema.get("minimum").and_then(Value::as_i64),
        value.as_i64(),
    ) {
        assert!(n >= min, "{at}: {n} < {min}");
    }
    if let (Some(p), Some(s)) = (
        schema.get("pattern").and_then(Value::as_str),
        value.as_str(),
    ) {
        let digits_from_1 = p == "^[1-9][0-9]*$";
        assert!(
            !s.is_empty()
                && s.bytes().all(|b| b.is_ascii_digit())
                && (!digits_from_1 || !s.starts_with('0')),
            "{at}: {s:?} does not match {p}"
        );
    }
    if let Value::Object(map) = value {
        for k in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let k = k.as_str().expect("a key");
            assert!(map.contains_key(k), "{at}: missing {k}");
        }
        let props = schema.get("properties").and_then(Value::as_object);
        for (k, v) in map {
            match props.and_then(|p| p.get(k)) {
                Some(s) => validate_in(v, s, root, &format!("{at}.{k}")),
                None => assert!(
                    schema.get("additionalProperties") != Some(&Value::Bool(false)),
                    "{at}: {k} is not in the schema"
                ),
            }
        }
    }
    if let (Value::Array(items), Some(s)) = (value, schema.get("items")) {
        for (i, v) in items.iter().enumerate() {
            validate_in(v, s, root, &format!("{at}[{i}]"));
        }
    }
}

#[test]
fn the_validator_rejects_what_the_schema_does_not_allow() {
    let s = schema("compute");
    let good: Value = serde_json::json!({
        "region": "示例县", "period": "2023年", "indicator": "地区生产总值", "current": "1亿元",
        "previous": null, "yoy": null, "target": null, "completion": null, "schedule_gap": null,
        "code": "gdp"
    });
    validate(&good, &s);
    for bad in [
        serde_json::json!({"region": "示例县"}),
        serde_json::json!({"region": 1, "period": "", "indicator": "", "current": "", "previous": null,
            "yoy": null, "target": null, "completion": null, "schedule_gap": null, "code": ""}),
    ] {
        let caught = std::panic::catch_unwind(|| validate(&bad, &s));
        assert!(caught.is_err(), "{bad} passed");
    }
}

#[test]
fn compute_json_and_jsonl_validate() {
    let county = repo("examples/data/county.csv");
    let s = schema("compute");
    let json = tongji(&["compute", &county, "-f", "json"]);
    let all: Value = serde_json::from_str(ok(&json)).expect("JSON");
    let rows = all.as_array().expect("an array");
    assert_eq!(
        rows.len() + 1,
        ok(&tongji(&["compute", &county, "-f", "csv"]))
            .lines()
            .count()
    );
    for v in rows {
        validate(v, &s);
    }
    let jsonl = tongji(&["compute", &county, "-f", "jsonl"]);
    let lines: Vec<Value> = ok(&jsonl)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a line"))
        .collect();
    assert_eq!(&lines, rows);
}
