//! The Chinese words reports put around figures, both ways: 增长/下降/持平, 倍, 新增/扭亏为盈 …,
//! 提高/回落, 降幅收窄/扩大, 快于/慢于序时进度, 拉动, 超额完成, （推算）, and the ledger and 整改
//! sentences. Every figure type words itself through here, and only here.

use std::fmt::{self, Write};

use rust_decimal::Decimal;

use super::number::{compact, compact_offset};
use crate::{
    Error, Growth, GrowthFormat, Multiple, PercentPoints, Rate, Result, Rounding, RoundingMode,
};

/// The unit of a difference of rates.
pub(crate) const POINTS: &str = "个百分点";
/// How points are also written.
pub(crate) const POINTS_SHORT: &str = "百分点";
/// The unit of a multiple.
pub(crate) const MULTIPLE: &str = "倍";
/// The columns of a report table.
pub(crate) const REPORT_HEADER: [&str; 7] = [
    "指标",
    "本期",
    "上年同期",
    "同比增长",
    "目标",
    "完成率",
    "序时进度差",
];
/// The columns of a ledger's per-domain table, and its total line.
pub(crate) const LEDGER_SUMMARY_HEADER: [&str; 6] =
    ["领域", "任务数", "已完成", "延期", "取消", "完成率"];
/// The total line of a table.
pub(crate) const TOTAL: &str = "合计";
/// A rise.
pub(crate) const UP: &str = "增长";
/// A fall.
pub(crate) const DOWN: &str = "下降";
/// No change once rounded.
pub(crate) const FLAT: &str = "持平";
/// Marks a growth recomputed from levels.
pub(crate) const RECOMPUTED: &str = "（推算）";
/// Marks the nominal growth levels imply for an indicator whose growth is published only.
pub(crate) const IMPLIED_NOMINAL: &str = "（现价推算）";
/// Stands for a figure there is none of.
pub(crate) const NONE: &str = "—";

/// The growth states and their words, in the order [`Growth`] declares them.
const STATES: [(Growth, &str); 8] = [
    (Growth::New, "新增"),
    (Growth::NewLoss, "新增亏损"),
    (Growth::TurnedProfit, "扭亏为盈"),
    (Growth::TurnedLoss, "由盈转亏"),
    (Growth::LossNarrowed, "减亏"),
    (Growth::LossWidened, "增亏"),
    (Growth::LossUnchanged, "亏损持平"),
    (Growth::NotComputable, NONE),
];

/// The word of a growth state; `None` for a rate.
pub(crate) fn state_word(growth: &Growth) -> Option<&'static str> {
    STATES
        .iter()
        .find(|(state, _)| state == growth)
        .map(|(_, word)| *word)
}

/// A change in percentage points and the words that say which way it went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    /// 提高 / 下降 / 持平.
    Points,
    /// 增速提高 / 增速回落 / 增速持平.
    Growth,
    /// 降幅收窄 / 降幅扩大 / 降幅持平: a decline that became smaller or larger.
    Decline,
    /// 快于序时进度 / 慢于序时进度 / 与序时进度持平.
    Schedule,
    /// 拉动 / 向下拉动 (a zero pull is "拉动0.0个百分点").
    Pull,
}

impl Change {
    /// (rise, fall, flat).
    const fn words(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Change::Points => ("提高", DOWN, FLAT),
            Change::Growth => ("增速提高", "增速回落", "增速持平"),
            Change::Decline => ("降幅收窄", "降幅扩大", "降幅持平"),
            Change::Schedule => ("快于序时进度", "慢于序时进度", "与序时进度持平"),
            Change::Pull => ("拉动", "向下拉动", "拉动"),
        }
    }
}

/// Writes a change of `shown` percentage points (the value as it prints) with its words.
pub(crate) fn write_change(w: &mut dyn Write, shown: Decimal, change: Change) -> fmt::Result {
    let (up, down, flat) = change.words();
    if shown.is_zero() {
        return match change {
            // A pull of zero still states its points: "拉动0.0个百分点".
            Change::Pull => write!(w, "{flat}{shown}{POINTS}"),
            _ => w.write_str(flat),
        };
    }
    if shown.is_sign_negative() {
        write!(w, "{down}{}{POINTS}", shown.abs())
    } else {
        write!(w, "{up}{shown}{POINTS}")
    }
}

/// [`write_change`] into a new string.
pub(crate) fn change_text(shown: Decimal, change: Change) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_change(&mut out, shown, change);
    out
}

/// Parses a worded change ("快于序时进度22.6个百分点", "与序时进度持平") back to its points, written.
pub(crate) fn parse_change(
    s: &str,
    change: Change,
    expected: &'static str,
) -> Result<PercentPoints> {
    let text = compact(s);
    let (up, down, flat) = change.words();
    if text == flat {
        return Ok(PercentPoints::from_decimal(Decimal::ZERO).rounded(Rounding::new(1)));
    }
    let (negate, rest) = if let Some(rest) = text.strip_prefix(down) {
        (true, rest)
    } else if let Some(rest) = text.strip_prefix(up) {
        (false, rest)
    } else {
        return Err(Error::parse(
            s,
            expected,
            format!("expected {up}, {down} or {flat}"),
            0,
        ));
    };
    let points: PercentPoints = rest.parse()?;
    let value = if negate {
        -points.value()
    } else {
        points.value()
    };
    Ok(PercentPoints::from_decimal(value).rounded(Rounding::new(points.value().scale())))
}

/// Writes a growth as a report does: "增长4.1%", "下降0.5%", "持平" (when it shows as zero), the
/// state word, or — when `format` asks and the growth is 100% or more — "增长1.79倍". `precision`
/// (`{:.2}`) overrides the places.
pub(crate) fn write_growth(
    w: &mut dyn Write,
    growth: &Growth,
    format: &GrowthFormat,
    precision: Option<usize>,
) -> fmt::Result {
    let Growth::Rate(rate) = growth else {
        return w.write_str(state_word(growth).unwrap_or(NONE));
    };
    if format.writes_multiples() && rate.percent() >= Decimal::ONE_HUNDRED {
        let mode = format
            .rounding_of()
            .map_or(RoundingMode::HalfAwayFromZero, |r| r.mode());
        let places = precision.map_or_else(
            || format.multiple_places_of(),
            |p| u32::try_from(p).unwrap_or(u32::MAX),
        );
        let multiple =
            Multiple::from_decimal(rate.fraction()).rounded(Rounding::new(places).with_mode(mode));
        return write!(w, "{UP}{multiple}");
    }
    let rate = match format.rounding_of() {
        Some(rounding) => rate.rounded(rounding),
        None => *rate,
    };
    write_rate_change(w, &rate, precision)
}

/// "增长X%" / "下降X%" / "持平" for a rate as it shows.
fn write_rate_change(w: &mut dyn Write, rate: &Rate, precision: Option<usize>) -> fmt::Result {
    let shown = rate.shown(precision);
    let suffix = rate.suffix();
    if shown.is_zero() {
        w.write_str(FLAT)
    } else if shown.is_sign_negative() {
        write!(w, "{DOWN}{}{suffix}", shown.abs())
    } else {
        write!(w, "{UP}{shown}{suffix}")
    }
}

/// A growth with every digit, for serialization: "增长4.08%", "下降0.5%", or the state word.
pub(crate) fn growth_exact_text(growth: &Growth) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = match growth {
        Growth::Rate(rate) => write_rate_change(&mut out, &rate.as_written(), None),
        other => out.write_str(state_word(other).unwrap_or(NONE)),
    };
    out
}

/// Parses what reports write: "增长4.2%", "同比增长4.2%", "下降0.5%", "增长-0.5%", "负增长0.5%",
/// "持平", "增长1.79倍" (= +179%), "翻番"/"翻一番" (+100%), "翻两番" (+300%), and the state words.
/// The rate keeps the digits as written.
pub(crate) fn parse_growth(s: &str) -> Result<Growth> {
    const EXPECTED: &str = "a growth";
    if let Some(e) = super::number::too_long(s, EXPECTED) {
        return Err(e);
    }
    let full = compact(s);
    let text = ["同比", "环比", "比上年", "较上年"]
        .iter()
        .find_map(|p| full.strip_prefix(p))
        .unwrap_or(&full);
    // The byte in `s` where the part of `full` from `tail` on starts.
    let offset_of = |tail: &str| compact_offset(s, full.chars().count() - tail.chars().count());
    if let Some((state, _)) = STATES
        .iter()
        .find(|(_, word)| *word == text && *word != NONE)
    {
        return Ok(*state);
    }
    let whole =
        |percent: i64| Growth::Rate(Rate::from_percent(Decimal::from(percent)).as_written());
    match text {
        NONE => return Ok(Growth::NotComputable),
        FLAT => {
            return Ok(Growth::Rate(
                Rate::from_percent(Decimal::ZERO).rounded(Rounding::new(1)),
            ));
        }
        "翻番" | "翻一番" => return Ok(whole(100)),
        "翻两番" => return Ok(whole(300)),
        _ => {}
    }
    // A bare signed rate, as tables write growth: "-2.3%", "6.6%".
    if text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '−')) {
        return text.parse::<Rate>().map(Growth::Rate).map_err(|e| {
            if e.is_placeholder() {
                Error::placeholder(s)
            } else {
                Error::parse(
                    s,
                    EXPECTED,
                    "expected a rate such as -2.3%",
                    offset_of(text),
                )
            }
        });
    }
    let (negate, rest) = if let Some(r) = text.strip_prefix("负增长") {
        (true, r)
    } else if let Some(r) = text.strip_prefix(UP) {
        (false, r)
    } else if let Some(r) = text
        .strip_prefix(DOWN)
        .or_else(|| text.strip_prefix("减少"))
    {
        (true, r)
    } else if let Some(r) = text
        .strip_prefix("增加")
        .or_else(|| text.strip_prefix("提高"))
    {
        (false, r)
    } else {
        return Err(Error::parse(
            s,
            EXPECTED,
            "expected 增长, 下降, 持平 or a state word such as 新增",
            offset_of(text),
        ));
    };
    let at_rest = offset_of(rest);
    let rate = if rest.ends_with('倍') {
        rest.parse::<Multiple>()?.as_growth()?
    } else {
        rest.parse::<Rate>().map_err(|e| {
            if e.is_placeholder() {
                Error::placeholder(s)
            } else {
                Error::parse(
                    s,
                    EXPECTED,
                    "expected a rate such as 4.1% or 1.79倍 after the word",
                    at_rest,
                )
            }
        })?
    };
    Ok(Growth::Rate(if negate { rate.negated() } else { rate }))
}

/// The reform-ledger sentence seed reports print: "明确8大领域共计44项改革事项(其中4项延期)，40项全部
/// 完成，完成率100%" — "全部完成" only when every task due is done, the parenthesis only when some
/// were deferred or cancelled.
pub(crate) fn ledger_sentence(
    domains: usize,
    total: u32,
    deferred: u32,
    cancelled: u32,
    completed: u32,
    due: u32,
    rate: &str,
) -> String {
    let mut aside = Vec::new();
    if deferred > 0 {
        aside.push(format!("{deferred}项延期"));
    }
    if cancelled > 0 {
        aside.push(format!("{cancelled}项取消"));
    }
    let aside = if aside.is_empty() {
        String::new()
    } else {
        format!("(其中{})", aside.join("、"))
    };
    let done = if completed == due && due > 0 {
        format!("{completed}项全部完成")
    } else {
        format!("完成{completed}项")
    };
    format!("明确{domains}大领域共计{total}项改革事项{aside}，{done}，完成率{rate}")
}

/// "整改问题清单X项，目前已整改X项，整改率达到X%".
pub(crate) fn rectification_sentence(found: u32, rectified: u32, rate: &str) -> String {
    format!("整改问题清单{found}项，目前已整改{rectified}项，整改率达到{rate}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_word_their_direction() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(change_text(d("2.1"), Change::Growth), "增速提高2.1个百分点");
        assert_eq!(
            change_text(d("-2.1"), Change::Decline),
            "降幅扩大2.1个百分点"
        );
        assert_eq!(change_text(d("0.0"), Change::Schedule), "与序时进度持平");
        assert_eq!(change_text(d("0.0"), Change::Pull), "拉动0.0个百分点");
        assert_eq!(change_text(d("-0.6"), Change::Pull), "向下拉动0.6个百分点");
    }

    #[test]
    fn worded_changes_parse_back() {
        for text in [
            "快于序时进度22.6个百分点",
            "慢于序时进度0.85个百分点",
            "与序时进度持平",
        ] {
            let pp = parse_change(text, Change::Schedule, "a schedule gap").unwrap();
            assert_eq!(change_text(pp.shown(None), Change::Schedule), text);
        }
        assert!(parse_change("超前22.6个百分点", Change::Schedule, "a schedule gap").is_err());
    }

    #[test]
    fn every_state_has_a_word_and_parses_back() {
        for (state, word) in STATES {
            assert_eq!(state_word(&state), Some(word));
            assert_eq!(parse_growth(word).unwrap(), state);
        }
    }
}
