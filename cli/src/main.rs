//! `tongji`: exact 同比增长, 完成率, 序时进度, 审核 and report text from the command line, over the
//! CSV, workbooks and report text a county office works with. See `tongji --help`.

// No panic path in the command: every failure is a message and an exit code.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod chart;
mod commands;
mod input;
mod output;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use input::TableArgs;
use output::Format;

const EXAMPLES: &str = "\
示例 · Examples:
  tongji compute 月报.xlsx --period 2023年1—10月       本期、上年同期、同比增长、完成率、序时进度差
                                                       the report table of one period
  tongji compute big.csv --format csv -o 结果.csv --bom  每一行的同比增长，写成 Excel 能打开的 CSV
                                                       every row's growth as CSV for Excel
  tongji audit 工作总结.txt --fail-on inconsistent        审核报告；有不一致时退出码为1
                                                       the 审核报告; exit 1 on an inconsistency (CI)
  tongji extract 公报.md --format jsonl                  每个数字及其位置、单位、精度、所指指标
                                                       every figure with its span, unit and binding
  tongji fill 模板.txt --data 月报.csv --region 示例县    把模板中的X填上数；未填的列在 stderr
                                                       fill a template's X; list what stays unfilled
  cat 月报.csv | tongji render - --region 示例县          统计公报式的段落 · NBS-style sentences
  tongji rollup 乡镇.csv --into 全县                      乡镇汇总为全县，比率重新计算 · roll townships up
  tongji ledger 台账.csv --since 上月台账.csv             改革台账小结、逾期清单、两期对比
  tongji chart 月报.csv -o 完成率.svg                     完成率与序时进度对照图 · an SVG chart
  tongji completions bash > /etc/bash_completion.d/tongji

退出码 · Exit codes: 0 成功 ok · 1 有达到 --fail-on 的审核发现或未填的占位符 findings ·
  2 用法错误 usage · 3 输入输出错误 input/IO. 关闭的管道（| head）正常退出 · a closed pipe exits 0.";

/// 统计：政府工作报告、统计公报中的数据，精确计算与审核 · Exact figures for Chinese government
/// work reports: 同比增长, 完成率, 序时进度, 审核, report text.
#[derive(Debug, Parser)]
#[command(name = "tongji", version, after_help = EXAMPLES, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Options of the commands that write a table.
#[derive(Debug, Clone, clap::Args)]
struct OutputArgs {
    /// Output format (default: table on a terminal, csv otherwise).
    #[arg(long, short = 'f', value_enum)]
    format: Option<Format>,
    /// Write to FILE instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Start CSV with a UTF-8 byte-order mark, so that Excel on Chinese Windows opens it right.
    #[arg(long)]
    bom: bool,
}

/// How computed figures (完成率, recomputed growth, 序时进度差) are rounded; figures read from
/// the input are always written as written.
#[derive(Debug, Clone, Copy, clap::Args)]
struct RoundingArgs {
    /// half-up: 四舍五入 (half away from zero, the official rule); half-even: GB/T 8170
    /// 四舍六入五成双; truncate: cut.
    #[arg(long, value_enum, default_value_t = RoundingArg::HalfUp)]
    rounding: RoundingArg,
    /// Decimal places of computed rates (default 1).
    #[arg(long, value_parser = clap::value_parser!(u32).range(0..=10))]
    places: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum RoundingArg {
    HalfUp,
    HalfEven,
    Truncate,
}

impl RoundingArgs {
    fn write_options(self, bom: bool) -> tongji::WriteOptions {
        let mode = match self.rounding {
            RoundingArg::HalfUp => tongji::RoundingMode::HalfAwayFromZero,
            RoundingArg::HalfEven => tongji::RoundingMode::HalfEven,
            RoundingArg::Truncate => tongji::RoundingMode::Truncate,
        };
        let o = tongji::WriteOptions::new().bom(bom).rounding(mode);
        match self.places {
            Some(p) => o.places(p),
            None => o,
        }
    }
}

/// Which findings make `audit` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    /// A figure that no rounding of its operands gives (不一致), or an impossible one.
    Inconsistent,
    /// Any finding, including one consistent only if a figure was cut instead of rounded.
    Warning,
    /// Never: always exit 0 when the input was read.
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 报表：本期、上年同期、同比增长、目标、完成率、序时进度差 · the report table for every region,
    /// indicator and period (long or wide CSV, or a workbook).
    Compute {
        /// The table: a CSV or workbook path, or - for stdin.
        file: PathBuf,
        #[command(flatten)]
        table: TableArgs,
        /// Only this region.
        #[arg(long)]
        region: Option<String>,
        /// Only this indicator (name, alias or code: 固定资产投资, fai).
        #[arg(long)]
        indicator: Option<String>,
        /// Only this period (2023年1—10月, 2023年, 2023-10).
        #[arg(long)]
        period: Option<String>,
        /// Only these columns, in this order, by header or key (地区,时期,指标,同比增长 or
        /// region,period,indicator,yoy); all ten when not given.
        #[arg(long, value_delimiter = ',', value_name = "COLUMNS")]
        columns: Vec<String>,
        #[command(flatten)]
        output: OutputArgs,
        #[command(flatten)]
        rounding: RoundingArgs,
    },
    /// 审核：一个表或一篇报告的勾稽关系 · audit a table, or a report's text (.txt, .md, stdin).
    Audit {
        /// A table (CSV, workbook) or a text (.txt, .md); - reads text from stdin.
        file: PathBuf,
        /// Read the input as report text or as a table (default: by its extension; stdin is text).
        #[arg(long = "as", value_enum, value_name = "KIND")]
        kind: Option<AuditInput>,
        #[command(flatten)]
        table: TableArgs,
        /// Exit 1 when a finding at or above this level is found.
        #[arg(long, value_enum, default_value_t = FailOn::Inconsistent)]
        fail_on: FailOn,
        /// table: the Chinese 审核报告; json: the tongji/audit/v1 document; jsonl: one finding a line.
        #[arg(long, short = 'f', value_enum)]
        format: Option<Format>,
        /// Write to FILE instead of stdout.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// 提取：文中每个数字（行、字节位置、数值、单位、精度、所指指标与时期）· every figure of a text.
    Extract {
        /// A report's text (.txt, .md), or - for stdin.
        file: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// 填数：把模板中的X填上表中的数 · fill a template's placeholders from a table or a ledger.
    Fill {
        /// The template text, or - for stdin.
        template: PathBuf,
        /// The table to fill from (CSV or workbook).
        #[arg(long, value_name = "FILE", required_unless_present = "ledger")]
        data: Option<PathBuf>,
        /// A 改革台账 to fill task counts (X项改革任务) from.
        #[arg(long, value_name = "FILE", conflicts_with = "data")]
        ledger: Option<PathBuf>,
        /// The region whose figures fill it (default: the table's first region).
        #[arg(long)]
        region: Option<String>,
        #[command(flatten)]
        table: TableArgs,
        /// Exit 0 even if some placeholders stay unfilled.
        #[arg(long)]
        allow_unfilled: bool,
        /// Write to FILE instead of stdout.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// 成文：统计公报式的段落 · NBS-style sentences of a region's figures for a period.
    Render {
        /// The table: a CSV or workbook path, or - for stdin.
        file: PathBuf,
        #[command(flatten)]
        table: TableArgs,
        /// The region (default: the table's first region).
        #[arg(long)]
        region: Option<String>,
        /// The period (default: the region's latest year-to-date period).
        #[arg(long)]
        period: Option<String>,
        /// Only this indicator's sentence.
        #[arg(long)]
        indicator: Option<String>,
        /// Write to FILE instead of stdout.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// 汇总：乡镇合计为全县，人均等按权重重算 · roll regions up into one: flows and stocks summed
    /// exactly, per-capita and ratio figures recomputed by their weights.
    Rollup {
        /// The table: a CSV or workbook path, or - for stdin.
        file: PathBuf,
        #[command(flatten)]
        table: TableArgs,
        /// The region to roll up into (全县).
        #[arg(long, value_name = "REGION")]
        into: String,
        /// The regions to sum, comma-separated (default: every region that is a part — not
        /// --into, not a totals row such as 合计 or 全县, not the county of its townships).
        #[arg(long, value_delimiter = ',', value_name = "REGION,…")]
        parts: Vec<String>,
        /// Keep a sum some parts are missing from (marked 部分) instead of leaving it out.
        #[arg(long)]
        partial: bool,
        /// Write every digit of a weighted figure (人均 to 28 digits) in the long layout that
        /// `tongji` reads back, instead of the figure as a report prints it.
        #[arg(long)]
        exact: bool,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// 台账：改革台账小结、逾期清单、两期对比 · a reform-task ledger's summary, overdue list and changes.
    Ledger {
        /// The ledger CSV, or - for stdin.
        file: PathBuf,
        /// The date overdue tasks are counted at (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<chrono::NaiveDate>,
        /// An earlier snapshot of the same ledger: list what changed since.
        #[arg(long, value_name = "FILE")]
        since: Option<PathBuf>,
        /// The date of the earlier snapshot (default: the end of the month before --as-of).
        #[arg(long, value_name = "YYYY-MM-DD", requires = "since")]
        since_as_of: Option<chrono::NaiveDate>,
        /// Stop at the first bad row.
        #[arg(long)]
        strict: bool,
        /// table: the sentences and lists; csv/json/jsonl: the per-domain counts.
        #[arg(long, short = 'f', value_enum)]
        format: Option<Format>,
        /// Write to FILE instead of stdout.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Start CSV with a UTF-8 byte-order mark.
        #[arg(long)]
        bom: bool,
    },
    /// 图表：完成率与序时进度、同比增长的 SVG 图 · an SVG of 完成率 against 序时进度, and growth bars.
    Chart {
        /// The table: a CSV or workbook path, or - for stdin.
        file: PathBuf,
        #[command(flatten)]
        table: TableArgs,
        /// The region (default: the table's first region).
        #[arg(long)]
        region: Option<String>,
        /// The period (default: the region's latest year-to-date period).
        #[arg(long)]
        period: Option<String>,
        /// Write the SVG to FILE instead of stdout.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Shell completions for bash, zsh, fish, elvish or powershell, to stdout.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// Reads an audit input as text or as a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum AuditInput {
    Text,
    Table,
}

/// Why a command did not end with exit 0.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Findings at or above `--fail-on`, or unfilled placeholders (exit 1); already reported.
    Findings,
    /// Bad usage (exit 2).
    Usage(String),
    /// The input could not be read, or the output not written (exit 3).
    Input(String),
    /// The reader of stdout went away: end quietly (exit 0).
    ClosedPipe,
}

impl Failure {
    /// An I/O error reading or opening `what`.
    pub(crate) fn io(what: &dyn std::fmt::Display, e: &io::Error) -> Failure {
        let reason = match e.kind() {
            io::ErrorKind::NotFound => "no such file".to_string(),
            io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        };
        Failure::Input(format!("{what}: {reason}"))
    }

    /// An I/O error writing to `what`: a closed pipe is no failure.
    pub(crate) fn write(what: &str, e: &io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::ClosedPipe
        } else {
            Failure::Input(format!("writing {what}: {e}"))
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print to stdout and exit 0; usage errors exit 2.
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(()) | Err(Failure::ClosedPipe) => ExitCode::SUCCESS,
        Err(Failure::Findings) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            eprintln!("tongji: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            eprintln!("tongji: {message}");
            ExitCode::from(3)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Compute {
            file,
            table,
            region,
            indicator,
            period,
            columns,
            output,
            rounding,
        } => commands::compute(&commands::ComputeArgs {
            file: &file,
            table: &table,
            region: region.as_deref(),
            indicator: indicator.as_deref(),
            period: period.as_deref(),
            format: output.format,
            output: output.output.as_deref(),
            options: rounding.write_options(output.bom),
            bom: output.bom,
            columns: &columns,
        }),
        Command::Audit {
            file,
            kind,
            table,
            fail_on,
            format,
            output,
        } => commands::audit(&file, kind, &table, fail_on, format, output.as_deref()),
        Command::Extract { file, output } => {
            commands::extract(&file, output.format, output.output.as_deref(), output.bom)
        }
        Command::Fill {
            template,
            data,
            ledger,
            region,
            table,
            allow_unfilled,
            output,
        } => commands::fill(&commands::FillArgs {
            template: &template,
            data: data.as_deref(),
            ledger: ledger.as_deref(),
            region: region.as_deref(),
            table: &table,
            allow_unfilled,
            output: output.as_deref(),
        }),
        Command::Render {
            file,
            table,
            region,
            period,
            indicator,
            output,
        } => commands::render(
            &file,
            &table,
            region.as_deref(),
            period.as_deref(),
            indicator.as_deref(),
            output.as_deref(),
        ),
        Command::Rollup {
            file,
            table,
            into,
            parts,
            partial,
            exact,
            output,
        } => commands::rollup(&file, &table, &into, &parts, partial, exact, &output),
        Command::Ledger {
            file,
            as_of,
            since,
            since_as_of,
            strict,
            format,
            output,
            bom,
        } => commands::ledger(&commands::LedgerArgs {
            file: &file,
            as_of,
            since: since.as_deref(),
            since_as_of,
            strict,
            format,
            output: output.as_deref(),
            bom,
        }),
        Command::Chart {
            file,
            table,
            region,
            period,
            output,
        } => chart::run(
            &file,
            &table,
            region.as_deref(),
            period.as_deref(),
            output.as_deref(),
        ),
        Command::Completions { shell } => {
            let mut out = output::Out::open(None)?;
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "tongji", out.writer());
            out.finish()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
