//! The Chinese of an audit: each finding as an 审核报告 line, and the report.

use std::fmt::{self, Write};

use rust_decimal::{Decimal, RoundingStrategy};

use crate::audit::{AuditReport, Finding, Hypothesis, Reason, Rule, Severity, Verdict};
use crate::{Interval, Rounding};

/// What a rule checks, as a report names it.
pub(crate) const fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::Sum => "总量",
        Rule::PartOf => "总量（其中项）",
        Rule::Difference => "差额",
        Rule::Share => "占比",
        Rule::Structure => "结构",
        Rule::SharesSum => "结构合计",
        Rule::Completion => "完成率",
        // The stated growth names itself: "下降2.3%".
        Rule::Growth => "",
        Rule::Points => "增减百分点",
        Rule::PerUnit => "平均数",
        Rule::Pull => "拉动",
        Rule::ContributionShare => "贡献率",
        Rule::PullsSum => "拉动合计",
        Rule::ContributionSharesSum => "贡献率合计",
        Rule::ScheduleGap => "序时进度",
        Rule::AverageGrowth => "平均增长",
        Rule::Cagr => "年均增长",
        Rule::Multiple => "倍数",
        Rule::TaskCounts => "任务总数",
        Rule::TaskCompletion => "任务完成率",
        Rule::StatedTwice => "前后数据",
        Rule::Cumulative => "累计数",
        Rule::Monthly => "当期数",
        Rule::MonthsSum => "累计数（各月合计）",
    }
}

/// 强制性, 核实性, 提示.
pub(crate) const fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Mandatory => "强制性",
        Severity::Verify => "核实性",
        Severity::Hint => "提示",
    }
}

/// Why a relation could not be checked.
pub(crate) const fn reason_text(reason: Reason) -> &'static str {
    match reason {
        Reason::ComparablePrices => "增速按可比价格计算，总量为现价",
        Reason::ComparableCoverage => "增速按可比口径计算",
        Reason::MissingOperand => "缺少计算所需的数据",
        Reason::RevisedBase => "上年数为初步数或预计数，增速按核实后的基数计算",
        Reason::ZeroBase => "基数为零或可能为零",
        Reason::Unbounded => "数据只有单侧界限",
        Reason::Overflow => "数据超出可计算范围",
    }
}

fn write_hypothesis(w: &mut dyn Write, h: &Hypothesis) -> fmt::Result {
    match h {
        Hypothesis::Transposed { likely } => write!(w, "疑为两位数字颠倒，应为{likely}"),
        Hypothesis::WrongBase { base } => write!(w, "疑按{base}计算"),
        Hypothesis::MagnitudeSlip { likely } => write!(w, "疑为计量单位错写，应为{likely}"),
        Hypothesis::RoundedTwice { likely } => write!(w, "疑为两次修约，一次修约应为{likely}"),
        Hypothesis::ForcedToHundred => w.write_str("按合计100%调整（最大余数法）"),
    }
}

/// An end of a range shown to `places` digits, moved outward: a true enclosure, short enough to
/// read. An end that moves becomes open.
fn write_range(w: &mut dyn Write, range: &Interval, places: u32) -> fmt::Result {
    // Directed rounding, for an enclosure (not the rounding of a printed figure).
    let shown = |v: Decimal, strategy| v.round_dp_with_strategy(places, strategy);
    match range.lower() {
        Some(lo) => {
            let l = shown(lo, RoundingStrategy::ToNegativeInfinity);
            let closed = range.is_lower_closed() && l == lo;
            write!(w, "{}{}", if closed { '[' } else { '(' }, l.normalize())?;
        }
        None => w.write_str("(-∞")?,
    }
    w.write_str(", ")?;
    match range.upper() {
        Some(hi) => {
            let h = shown(hi, RoundingStrategy::ToPositiveInfinity);
            let closed = range.is_upper_closed() && h == hi;
            write!(w, "{}{}", h.normalize(), if closed { ']' } else { ')' })
        }
        None => w.write_str("∞)"),
    }
}

/// "示例县 接待游客 2023年：" for a table finding.
fn write_context(w: &mut dyn Write, f: &Finding) -> fmt::Result {
    match (f.region(), f.indicator(), f.period()) {
        (Some(r), Some(i), Some(p)) => write!(w, "{r} {i} {p}："),
        _ => Ok(()),
    }
}

fn write_figures(w: &mut dyn Write, f: &Finding) -> fmt::Result {
    for (i, g) in f.figures().iter().enumerate() {
        if i > 0 {
            w.write_char('、')?;
        }
        w.write_str(&g.text())?;
    }
    Ok(())
}

/// One finding: "【核实性】完成率107.42%与2.68亿元、2.5亿元不符，应为107.20%（可取范围[107, 107.4)，
/// 超出0.02；疑为两位数字颠倒，应为107.24%）".
pub(crate) fn write_finding(w: &mut dyn Write, f: &Finding) -> fmt::Result {
    let tag = match (f.verdict(), f.severity()) {
        (_, Some(s)) => severity_name(s),
        (Verdict::NotCheckable, _) => "无法核对",
        _ => "相符",
    };
    write!(w, "【{tag}】")?;
    if let Some(at) = f.source() {
        // The sentence, quoted up to 40 characters.
        let sentence: String = at.sentence().chars().take(40).collect();
        let cut = if at.sentence().chars().count() > 40 {
            "…"
        } else {
            ""
        };
        write!(w, "第{}行“{sentence}{cut}”：", at.line())?;
    }
    write_context(w, f)?;
    write!(w, "{}{}", rule_name(f.rule()), f.stated().text())?;
    if f.verdict() == Verdict::NotCheckable {
        // The tag already says 无法核对: here, why.
        w.write_str("：")?;
        return w.write_str(f.reason().map_or("", reason_text));
    }
    let places = f.places() + 1;
    match f.verdict() {
        Verdict::Exact => {
            w.write_str("与")?;
            write_figures(w, f)?;
            return w.write_str("相符");
        }
        Verdict::Consistent => {
            w.write_str("与")?;
            write_figures(w, f)?;
            w.write_str("在修约范围内相符")?;
            if let Some(h) = f.hypothesis() {
                w.write_str("（")?;
                write_hypothesis(w, h)?;
                w.write_str("）")?;
            }
            return Ok(());
        }
        Verdict::ConsistentIfTruncated => {
            w.write_str("与")?;
            write_figures(w, f)?;
            w.write_str("仅在截尾取数时相符")?;
            if !f.expected_text().is_empty() {
                write!(w, "，修约应为{}", f.expected_text())?;
            }
            return Ok(());
        }
        _ => {}
    }
    w.write_str("与")?;
    write_figures(w, f)?;
    w.write_str("不符")?;
    if !f.expected_text().is_empty() {
        write!(w, "，应为{}", f.expected_text())?;
    }
    let mut aside = String::new();
    if let Some(range) = f.allowed() {
        aside.push_str("可取范围");
        write_range(&mut aside, &range, places)?;
    }
    if let Some(d) = f.imbalance() {
        let shown = Rounding::new(places).apply(d.abs()).normalize();
        let side = if d.is_sign_positive() {
            "超出"
        } else {
            "低于下限"
        };
        write!(aside, "，{side}{shown}")?;
    }
    if let Some(h) = f.hypothesis() {
        if !aside.is_empty() {
            aside.push('；');
        }
        write_hypothesis(&mut aside, h)?;
    }
    if !aside.is_empty() {
        write!(w, "（{aside}）")?;
    }
    Ok(())
}

/// The 审核报告: the count checked, each inconsistency, the hints, what could not be checked.
pub(crate) fn write_report(w: &mut dyn Write, report: &AuditReport) -> fmt::Result {
    let n = report.findings().len();
    let bad: Vec<&Finding> = {
        let mut v: Vec<&Finding> = report
            .findings()
            .iter()
            .filter(|f| f.verdict() == Verdict::Inconsistent)
            .collect();
        // 强制性 first; otherwise in the order checked.
        v.sort_by_key(|f| f.severity());
        v
    };
    w.write_str("审核报告\n")?;
    if bad.is_empty() {
        writeln!(w, "共审核{n}项勾稽关系，未发现不一致。")?;
    } else {
        writeln!(w, "共审核{n}项勾稽关系，发现{}处不一致：", bad.len())?;
    }
    let mut number = 0;
    for f in &bad {
        number += 1;
        write!(w, "{number}. ")?;
        write_finding(w, f)?;
        w.write_char('\n')?;
    }
    let hints: Vec<&Finding> = report
        .findings()
        .iter()
        .filter(|f| f.verdict() != Verdict::Inconsistent && f.severity() == Some(Severity::Hint))
        .collect();
    if !hints.is_empty() {
        writeln!(w, "提示{}项：", hints.len())?;
        for f in hints {
            number += 1;
            write!(w, "{number}. ")?;
            write_finding(w, f)?;
            w.write_char('\n')?;
        }
    }
    let unchecked = report.count(Verdict::NotCheckable);
    if unchecked > 0 {
        write!(w, "无法核对{unchecked}项")?;
        let mut first = true;
        for reason in Reason::ALL {
            let k = report
                .findings()
                .iter()
                .filter(|f| f.reason() == Some(reason))
                .count();
            if k > 0 {
                w.write_str(if first { "：" } else { "；" })?;
                write!(w, "{}{k}项", reason_text(reason))?;
                first = false;
            }
        }
        w.write_str("。\n")?;
    }
    writeln!(
        w,
        "精确相符{}项，在修约范围内相符{}项。",
        report.count(Verdict::Exact),
        report.count(Verdict::Consistent)
    )
}
