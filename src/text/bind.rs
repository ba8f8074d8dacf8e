//! Binding the figures of report text to what they say: the indicator (a catalog name or alias
//! before the figure in its sentence), the period (1至10月, 前三季度, 截至10月底, with the year of
//! the document), and the relation the words before the figure state (完成, 同比增长, 下降, 提高 …
//! 个百分点, 占年度任务数的, 快于序时进度, 剩余, 均价, 共计 … 项). A figure nothing binds is left
//! unbound, never guessed.

use std::collections::HashMap;
use std::ops::Range;

use super::find::{Figure, FigureValue, Slot, figures};
use crate::{Catalog, Period};

/// What a figure states, from the words before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Relation {
    /// A level: 完成, 实现, 达到 X, or a figure after its indicator's name.
    Level,
    /// The target a level is measured against (年度目标任务数X, 计划X).
    Target,
    /// A total others are taken from (总投资X, 总额X).
    Total,
    /// 同比增长 / 下降 X%, 增长X倍.
    Growth,
    /// 比上年提高 / 回落 X个百分点.
    PointsChange,
    /// 比上年增加 / 减少 X (an amount, not a rate).
    Change,
    /// 完成年度目标的 X%, 占年度任务数的 X%, 完成率 X%.
    Completion,
    /// 快于 / 慢于 / 超序时进度 X个百分点.
    ScheduleGap,
    /// 拉动 … 增长 X个百分点 (a part's contribution to the growth of its whole).
    Pull,
    /// 占 … 比重 X%, 占比 X%.
    Share,
    /// 结构为 a:b:c (the shares of the parts of an indicator).
    Structure,
    /// 剩余 / 尚余 X: a total less what is done.
    Remaining,
    /// 均价, 户均, 人均, 亩产 X.
    PerUnit,
    /// A count of a ledger: 共计 N 项 (the total).
    TaskTotal,
    /// 其中 M 项 … 延期.
    TaskDeferred,
    /// K 项 … 完成.
    TaskCompleted,
}

impl Relation {
    /// A short, stable, lowercase name, for CSV and JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::text::{self, Relation};
    /// assert_eq!(Relation::ScheduleGap.as_str(), "schedule_gap");
    /// let s = text::statements("全县完成投资3亿元，同比增长8.1%。");
    /// assert_eq!(s[1].relation().map(Relation::as_str), Some("growth"));
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Relation::Level => "level",
            Relation::Target => "target",
            Relation::Total => "total",
            Relation::Growth => "growth",
            Relation::PointsChange => "points_change",
            Relation::Change => "change",
            Relation::Completion => "completion",
            Relation::ScheduleGap => "schedule_gap",
            Relation::Pull => "pull",
            Relation::Share => "share",
            Relation::Structure => "structure",
            Relation::Remaining => "remaining",
            Relation::PerUnit => "per_unit",
            Relation::TaskTotal => "task_total",
            Relation::TaskDeferred => "task_deferred",
            Relation::TaskCompleted => "task_completed",
        }
    }
}

/// A figure of a text with what it is bound to: its line, its sentence, the indicator and period
/// the sentence gives it, and the relation it states.
///
/// # Examples
///
/// ```
/// use tongji::text::{self, Relation};
/// let s = "2023年1至10月，全县完成固定资产投资46596万元，同比增长8.1%，占年度任务数的105.9％。";
/// let found = text::statements(s);
/// let bound: Vec<(&str, Option<&str>, Option<String>, Option<Relation>)> = found
///     .iter()
///     .map(|st| (st.figure().text(), st.indicator(), st.period().map(|p| p.to_string()), st.relation()))
///     .collect();
/// assert_eq!(bound[0], ("46596万元", Some("fai"), Some("2023年1—10月".into()), Some(Relation::Level)));
/// assert_eq!(bound[1].3, Some(Relation::Growth));
/// assert_eq!(bound[2].3, Some(Relation::Completion));
/// ```
#[derive(Debug, Clone)]
pub struct Statement<'a> {
    figure: Figure<'a>,
    line: usize,
    sentence: Range<usize>,
    indicator: Option<String>,
    period: Option<Period>,
    year_given: bool,
    relation: Option<Relation>,
    cue: Range<usize>,
    cue_text: Box<str>,
    ambiguous: bool,
}

impl<'a> Statement<'a> {
    /// The figure.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = tongji::text::statements("全县完成投资3亿元。");
    /// assert_eq!(s[0].figure().text(), "3亿元");
    /// ```
    #[must_use]
    pub fn figure(&self) -> &Figure<'a> {
        &self.figure
    }

    /// The line the figure is on, from 1.
    ///
    /// # Examples
    ///
    /// ```
    /// let found = tongji::text::statements("标题\n全县完成投资3亿元。");
    /// assert_eq!(found[0].line(), 2);
    /// ```
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// The byte range of the sentence the figure is in (up to 。！？； or a line break).
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "标题。全县完成投资3亿元，增长5%；其余。";
    /// let s = tongji::text::statements(text);
    /// assert_eq!(&text[s[1].sentence()], "全县完成投资3亿元，增长5%");
    /// ```
    #[must_use]
    pub fn sentence(&self) -> Range<usize> {
        self.sentence.clone()
    }

    /// The code of the indicator the figure is bound to, if the sentence names one the catalog
    /// knows.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = tongji::text::statements("社零18829万元，增长7.2%。");
    /// assert_eq!((s[0].indicator(), s[1].indicator()), (Some("retail"), Some("retail")));
    /// ```
    #[must_use]
    pub fn indicator(&self) -> Option<&str> {
        self.indicator.as_deref()
    }

    /// The period the sentence gives (the document's year when the sentence names none, and the
    /// whole year when it names no months either), if any. Displayed without the year when the
    /// text wrote none.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = tongji::text::statements("2023年工作总结\n前三季度，全县实现地区生产总值98.62亿元。");
    /// let p = s[0].period().unwrap();
    /// assert_eq!((p.to_string(), p.period().to_string()), ("前三季度".into(), "2023年前三季度".into()));
    /// ```
    #[must_use]
    pub fn period(&self) -> Option<PeriodText> {
        self.period.map(|p| PeriodText {
            period: p,
            year: self.year_given,
        })
    }

    /// The relation the words before the figure state; `None` when they state none the grammar
    /// knows (the figure is then unbound).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::text::Relation;
    /// let s = tongji::text::statements("全县GDP增长5.2%，比上年回落0.8个百分点。");
    /// assert_eq!((s[0].relation(), s[1].relation()), (Some(Relation::Growth), Some(Relation::PointsChange)));
    /// ```
    #[must_use]
    pub fn relation(&self) -> Option<Relation> {
        self.relation
    }

    /// The growth a Growth statement states, signed by its words ("下降7.7%" is −7.7%).
    ///
    /// # Examples
    ///
    /// ```
    /// let found = tongji::text::statements("生猪出栏16.68万头，下降7.7%。");
    /// assert_eq!(found[1].growth().map(|g| g.to_string()), Some("下降7.7%".into()));
    /// ```
    #[must_use]
    pub fn growth(&self) -> Option<crate::Growth> {
        if self.relation != Some(Relation::Growth) {
            return None;
        }
        let FigureValue::Rate(_) = self.figure.value() else {
            return None;
        };
        let falling = self.cue_text.contains("下降") || self.cue_text.contains("减少");
        let word = if falling { "下降" } else { "增长" };
        format!("{word}{}", self.figure.text()).parse().ok()
    }

    /// Whether the figure is bound: a relation, and (except for ledger counts) an indicator.
    ///
    /// # Examples
    ///
    /// ```
    /// let found = tongji::text::statements("全县完成固定资产投资3亿元。某项数值为5万元。");
    /// assert!(found[0].is_bound());
    /// assert!(!found[1].is_bound()); // no indicator the catalog knows
    /// ```
    #[must_use]
    pub fn is_bound(&self) -> bool {
        match self.relation {
            Some(Relation::TaskTotal | Relation::TaskDeferred | Relation::TaskCompleted) => true,
            Some(_) => self.indicator.is_some(),
            None => false,
        }
    }

    /// Whether the figure's indicator is ambiguous: a 分别 list whose names and figures do not pair
    /// up ("城乡居民人均可支配收入分别达到18687元、5634元" names one indicator for two figures). An
    /// ambiguous figure has no indicator.
    ///
    /// # Examples
    ///
    /// ```
    /// let found = tongji::text::statements("城镇居民人均可支配收入、农村居民人均可支配收入分别增长5.1%、7.7%；城乡居民人均可支配收入分别达到18687元、5634元。");
    /// let codes: Vec<_> = found.iter().map(|s| (s.indicator(), s.is_ambiguous())).collect();
    /// assert_eq!(codes, [(Some("urban_income"), false), (Some("rural_income"), false), (None, true), (None, true)]);
    /// ```
    #[must_use]
    pub fn is_ambiguous(&self) -> bool {
        self.ambiguous
    }

    /// The byte range of the words the relation was read from ("同比增长", "占年度任务数的").
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "投资46596万元，占年度任务数的105.9％。";
    /// let s = tongji::text::statements(text);
    /// assert_eq!(&text[s[1].cue()], "占年度任务数的");
    /// ```
    #[must_use]
    pub fn cue(&self) -> Range<usize> {
        self.cue.clone()
    }
}

/// A period as a sentence wrote it: its display leaves out the year when the text did ("1—10月").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodText {
    period: Period,
    year: bool,
}

impl PeriodText {
    /// The period, with the document's year.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = tongji::text::statements("2023年1至10月，全县完成投资3亿元。");
    /// assert_eq!(s[0].period().unwrap().period().to_string(), "2023年1—10月");
    /// ```
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }
}

impl std::fmt::Display for PeriodText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let full = self.period.to_string();
        let shown = if self.year {
            full.as_str()
        } else {
            full.split_once('年')
                .map_or(full.as_str(), |(_, rest)| rest)
        };
        f.write_str(if shown.is_empty() { "全年" } else { shown })
    }
}

/// The cue words of each relation, checked longest first against the text just before a figure.
const CUES: &[(&str, Relation)] = &[
    ("快于序时进度", Relation::ScheduleGap),
    ("慢于序时进度", Relation::ScheduleGap),
    ("超序时进度", Relation::ScheduleGap),
    ("高于序时进度", Relation::ScheduleGap),
    ("低于序时进度", Relation::ScheduleGap),
    ("占年度任务数的", Relation::Completion),
    ("占年度目标任务的", Relation::Completion),
    ("占年度目标的", Relation::Completion),
    ("占计划任务的", Relation::Completion),
    ("占计划的", Relation::Completion),
    ("完成年度目标的", Relation::Completion),
    ("完成年度任务的", Relation::Completion),
    ("完成年度计划的", Relation::Completion),
    ("完成率", Relation::Completion),
    ("的", Relation::Completion), // "…任务数2.5亿元的107.42％": only after a target (see below)
    ("年度目标任务数", Relation::Target),
    ("目标任务数", Relation::Target),
    ("年度任务数", Relation::Target),
    ("年度目标", Relation::Target),
    ("任务数", Relation::Target),
    ("计划", Relation::Target),
    ("向下拉动", Relation::Pull),
    ("拉动", Relation::Pull),
    ("比重为", Relation::Share),
    ("比重", Relation::Share),
    ("占比", Relation::Share),
    ("提高", Relation::PointsChange),
    ("上升", Relation::PointsChange),
    ("回落", Relation::PointsChange),
    ("收窄", Relation::PointsChange),
    ("扩大", Relation::PointsChange),
    ("同比增长", Relation::Growth),
    ("比上年增长", Relation::Growth),
    ("同比下降", Relation::Growth),
    ("比上年下降", Relation::Growth),
    ("增长", Relation::Growth),
    ("下降", Relation::Growth),
    ("增速", Relation::Growth),
    ("增幅", Relation::Growth),
    ("增加", Relation::Growth),
    ("减少", Relation::Growth),
    ("增加", Relation::Change),
    ("减少", Relation::Change),
    ("剩余", Relation::Remaining),
    ("尚余", Relation::Remaining),
    ("余下", Relation::Remaining),
    ("均价", Relation::PerUnit),
    ("户均", Relation::PerUnit),
    ("人均", Relation::PerUnit),
    ("亩产", Relation::PerUnit),
    ("总投资", Relation::Total),
    ("总额", Relation::Total),
    ("总计", Relation::Total),
    ("共计", Relation::TaskTotal),
    ("共有", Relation::TaskTotal),
];

/// How far back before a figure its indicator, period and relation are looked for, in bytes (about
/// 100 characters): a sentence of thousands of figures is read in linear time.
const HEAD: usize = 300;

/// Where sentences end.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | ';' | '\n')
}

/// Every figure of `text` with its binding, against the built-in catalog; see [`Statement`].
///
/// # Examples
///
/// ```
/// let s = "2023年，全乡完成招商引资项目入库11个，预计州外到位资金2.68亿元完成年度目标任务数2.5亿元的107.42％。";
/// let found = tongji::text::statements(s);
/// let relations: Vec<_> = found.iter().map(|st| (st.figure().text(), st.relation())).collect();
/// use tongji::text::Relation::*;
/// assert_eq!(relations[1..], [("2.68亿元", Some(Level)), ("2.5亿元", Some(Target)), ("107.42％", Some(Completion))]);
/// assert_eq!(found[1].indicator(), Some("investment_attracted")); // 到位资金
/// ```
#[must_use]
pub fn statements(text: &str) -> Vec<Statement<'_>> {
    statements_with(text, &Catalog::builtin())
}

/// [`statements`] against `catalog`.
///
/// # Examples
///
/// ```
/// use tongji::{Catalog, Indicator, IndicatorKind, Magnitude, Unit};
/// let mut c = Catalog::builtin();
/// c.add(Indicator::new("tea", "茶叶产量", Unit::TONNE, Magnitude::One, IndicatorKind::Flow)?)?;
/// let found = tongji::text::statements_with("全年茶叶产量1250吨，增长3.1%。", &c);
/// assert_eq!(found[0].indicator(), Some("tea"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn statements_with<'a>(text: &'a str, catalog: &Catalog) -> Vec<Statement<'a>> {
    let names = Names::of(catalog);
    let year = document_year(text);
    let mut out = Vec::new();
    let mut line = 1;
    let mut sentence_start = 0;
    let mut sentence_end = 0;
    // Every byte is scanned once for lines and sentence ends, whatever the length of a sentence.
    let mut scanned = 0;
    // The indicator and period a sentence has named so far carry to its later clauses.
    for figure in figures(text) {
        let at = figure.span().start;
        for (i, c) in text[scanned..at].char_indices() {
            if c == '\n' {
                line += 1;
            }
            if ends_sentence(c) {
                sentence_start = scanned + i + c.len_utf8();
            }
        }
        scanned = at;
        if sentence_end <= at {
            sentence_end = text[figure.span().end..]
                .char_indices()
                .find(|(_, c)| ends_sentence(*c))
                .map_or(text.len(), |(i, _)| figure.span().end + i);
        }
        // What binds a figure is read from at most the HEAD bytes before it in its sentence.
        let mut head_from = sentence_start.max(at.saturating_sub(HEAD));
        while !text.is_char_boundary(head_from) {
            head_from += 1;
        }
        let head = &text[head_from..at];
        // A name whose unit does not fit the figure ("接待游客…，某项5万元") is not its indicator.
        let unit = match figure.value() {
            FigureValue::Quantity(q) => Some(q.unit()),
            FigureValue::Placeholder(Slot::Quantity(u)) => Some(u.unit()),
            _ => None,
        };
        // A name in the figure's own clause binds it whatever its unit (a fill refuses the
        // mismatch); one carried from an earlier clause must fit.
        let clause_start = head
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, '，' | ','))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let indicator = names
            .last_in(head)
            .filter(|(end, code)| {
                let expected = catalog.get(code).map(crate::Indicator::unit);
                *end > clause_start
                    || match (unit, expected) {
                        (Some(u), Some(e)) => u.dimension() == e.dimension(),
                        _ => true,
                    }
            })
            .map(|(_, code)| code.to_string());
        let (period, year_given) = match period_in(head, year) {
            Some((p, given)) => (Some(p), given),
            None => (year.and_then(|y| Period::year(y).ok()), false),
        };
        let (relation, cue) = relation_before(text, head_from, &figure, &out, &names);
        // "第一产业占地区生产总值的比重上升3.82个百分点": the share is the part's, named before 占.
        let indicator = match (relation, head[clause_start..].rfind('占')) {
            (Some(Relation::Share | Relation::PointsChange), Some(p)) => names
                .last_in(&head[..clause_start + p])
                .filter(|(end, _)| *end > clause_start)
                .map(|(_, code)| code.to_string()),
            _ => indicator,
        };
        // "三次产业结构为a:b:c": the structure of the indicator whose parts are the 产业.
        let indicator = match (relation, &indicator) {
            (Some(Relation::Structure), None) if head.contains("产业结构") => catalog
                .iter()
                .find(|w| {
                    w.parts_complete()
                        && catalog
                            .iter()
                            .any(|p| p.parent() == Some(w.code()) && p.name().contains("产业"))
                })
                .map(|w| w.code().to_string()),
            _ => indicator,
        };
        // "A、B和C分别增长x、y和z": the k-th figure after 分别 is of the k-th name before it; when
        // the names and figures do not pair up, the binding is ambiguous, not guessed.
        let (indicator, ambiguous) = match head.rfind("分别") {
            Some(p) => {
                let listed = names.all_in(&head[..p]);
                let k = out
                    .iter()
                    .rev()
                    .take(64)
                    .take_while(|s| s.sentence.start == sentence_start)
                    .filter(|s| {
                        s.figure.span().start > sentence_start + p
                            && std::mem::discriminant(s.figure.value())
                                == std::mem::discriminant(figure.value())
                    })
                    .count();
                match listed.get(k) {
                    Some(code) if listed.len() >= 2 => (Some(code.to_string()), false),
                    _ => (None, true),
                }
            }
            None => (indicator, false),
        };
        out.push(Statement {
            figure,
            line,
            sentence: sentence_start..sentence_end,
            indicator,
            period,
            year_given,
            relation,
            cue_text: text.get(cue.clone()).unwrap_or("").into(),
            cue,
            ambiguous,
        });
    }
    out
}

/// The relation the words just before `figure` state, and where they are.
fn relation_before(
    text: &str,
    sentence_start: usize,
    figure: &Figure<'_>,
    earlier: &[Statement<'_>],
    names: &Names,
) -> (Option<Relation>, Range<usize>) {
    let at = figure.span().start;
    // The clause before the figure: back to the previous figure or clause mark.
    let clause_start = text[sentence_start..at]
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '，' | ',' | '、' | '：' | ':'))
        .map_or(sentence_start, |(i, c)| sentence_start + i + c.len_utf8());
    let previous_end = earlier
        .last()
        .map(|s| s.figure.span().end)
        .filter(|e| *e > clause_start && *e <= at)
        .unwrap_or(clause_start);
    // Cue words are read after the last indicator name (人均 in "全体居民人均可支配收入" and 增加 in
    // "增加值" are parts of names); only 拉动 is read before one ("拉动国内生产总值增长4.3个百分点").
    let name_end = previous_end
        + names
            .last_in(&text[previous_end..at])
            .map_or(0, |(end, _)| end);
    // "人均地区生产总值19967元": 人均 before the name makes the figure a per-person one.
    if let Some((start, _)) = names.last_span(&text[previous_end..at]) {
        let before = &text[previous_end..previous_end + start];
        if (before.ends_with("人均") || before.ends_with("户均"))
            && is_quantity_value(figure.value())
        {
            let cue = previous_end + start - "人均".len();
            return (Some(Relation::PerUnit), cue..previous_end + start);
        }
    }
    let words = &text[previous_end..at];
    // "增长5.1%、7.7%和9.2%": a figure listed after another of its kind states what that one does.
    if let Some(last) = earlier.last() {
        let listed = matches!(
            text[last.figure.span().end..at].trim(),
            "、" | "和" | "及" | "与" | "，"
        ) && last.sentence.start == sentence_start
            && std::mem::discriminant(last.figure.value())
                == std::mem::discriminant(figure.value());
        if listed && last.relation.is_some() {
            return (last.relation, last.cue.clone());
        }
    }
    let after_target = earlier.last().is_some_and(|s| {
        s.relation == Some(Relation::Target) && s.figure.span().end == previous_end
    });
    let value = figure.value();
    // A placeholder binds as the figure its slot stands for.
    let is_rate = matches!(
        value,
        FigureValue::Rate(_) | FigureValue::Placeholder(Slot::Rate)
    );
    let is_points = matches!(
        value,
        FigureValue::Points(_) | FigureValue::Placeholder(Slot::Points)
    );
    let is_multiple = matches!(
        value,
        FigureValue::Multiple(_) | FigureValue::Placeholder(Slot::Multiple)
    );
    let is_quantity = matches!(
        value,
        FigureValue::Quantity(_)
            | FigureValue::Bare { .. }
            | FigureValue::Placeholder(Slot::Quantity(_))
    );
    // Ledger counts: 共计44项, 其中4项…延期, 40项…完成.
    let counted = match value {
        FigureValue::Quantity(q) => q.unit().dimension().is_count(),
        FigureValue::Placeholder(Slot::Quantity(u)) => u.unit().dimension().is_count(),
        _ => false,
    };
    {
        if counted {
            let rest: String = text[figure.span().end..]
                .chars()
                .take_while(|c| !matches!(c, '，' | ',' | '。' | '；' | '(' | '（'))
                .collect();
            if rest.contains("延期") {
                return (Some(Relation::TaskDeferred), previous_end..at);
            }
            if rest.contains("完成") && !words.contains("共") {
                return (Some(Relation::TaskCompleted), previous_end..at);
            }
        }
    }
    for (from, (cue, relation)) in [name_end, previous_end]
        .into_iter()
        .flat_map(|from| CUES.iter().map(move |c| (from, c)))
    {
        if from != name_end && *relation != Relation::Pull {
            continue;
        }
        let words = &text[from..at];
        let Some(i) = words.rfind(cue) else { continue };
        let fits = match relation {
            Relation::Completion => {
                is_rate
                    && (*cue != "的" || after_target)
                    && words[i + cue.len()..].chars().count() <= 2
            }
            Relation::ScheduleGap | Relation::PointsChange | Relation::Pull => is_points,
            Relation::Share | Relation::Growth => {
                is_rate || is_multiple && *relation == Relation::Growth
            }
            Relation::Target
            | Relation::Total
            | Relation::Remaining
            | Relation::PerUnit
            | Relation::Change => is_quantity,
            Relation::TaskTotal => match value {
                FigureValue::Quantity(q) => q.unit().dimension().is_count(),
                FigureValue::Placeholder(Slot::Quantity(u)) => u.unit().dimension().is_count(),
                _ => false,
            },
            _ => true,
        };
        if fits {
            let start = from + i;
            return (Some(*relation), start..start + cue.len());
        }
    }
    if let FigureValue::Ratio(_) = value {
        return match words.rfind("结构") {
            Some(i) => (
                Some(Relation::Structure),
                previous_end + i..previous_end + i + "结构".len(),
            ),
            None => (None, at..at),
        };
    }
    if is_quantity {
        return (Some(Relation::Level), at..at);
    }
    (None, at..at)
}

fn is_quantity_value(value: &FigureValue) -> bool {
    matches!(
        value,
        FigureValue::Quantity(_)
            | FigureValue::Bare { .. }
            | FigureValue::Placeholder(Slot::Quantity(_))
    )
}

/// The catalog's names and aliases (of two characters or more, not ASCII codes), by first char.
struct Names {
    by_first: HashMap<char, Vec<(String, String)>>,
}

impl Names {
    fn of(catalog: &Catalog) -> Names {
        let mut by_first: HashMap<char, Vec<(String, String)>> = HashMap::new();
        for i in catalog.iter() {
            for name in std::iter::once(i.name()).chain(i.aliases().iter().map(String::as_str)) {
                if name.chars().count() < 2 || name.is_ascii() && name != "GDP" {
                    continue;
                }
                if let Some(c) = name.chars().next() {
                    by_first
                        .entry(c)
                        .or_default()
                        .push((name.to_string(), i.code().to_string()));
                }
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        }
        Names { by_first }
    }

    /// Every indicator name in `text`, left to right, the longest name at each place and none
    /// overlapping: (start, end, code).
    fn spans<'n, 't>(&'n self, text: &'t str) -> impl Iterator<Item = (usize, usize, &'n str)> + 't
    where
        'n: 't,
    {
        let mut skip_to = 0;
        text.char_indices().filter_map(move |(i, c)| {
            if i < skip_to {
                return None;
            }
            let list = self.by_first.get(&c)?;
            let (name, code) = list
                .iter()
                .find(|(n, _)| text[i..].starts_with(n.as_str()))?;
            skip_to = i + name.len();
            Some((i, i + name.len(), code.as_str()))
        })
    }

    /// Every indicator named in `text`, in order, each once.
    fn all_in<'n>(&'n self, text: &str) -> Vec<&'n str> {
        let mut found: Vec<&str> = Vec::new();
        for (_, _, code) in self.spans(text) {
            if !found.contains(&code) {
                found.push(code);
            }
        }
        found
    }

    /// The start and end of the last indicator name in `text`.
    fn last_span(&self, text: &str) -> Option<(usize, usize)> {
        self.spans(text).last().map(|(start, end, _)| (start, end))
    }

    /// The last indicator named in `text` (the longest name at each place), as (end, code).
    fn last_in<'n>(&'n self, text: &str) -> Option<(usize, &'n str)> {
        self.spans(text).last().map(|(_, end, code)| (end, code))
    }
}

/// The code of the last indicator `text` names, by the catalog's names and aliases.
pub(crate) fn last_indicator(text: &str, catalog: &Catalog) -> Option<String> {
    Names::of(catalog)
        .last_in(text)
        .map(|(_, code)| code.to_string())
}

/// The document's year: the first "20XX年" (or "19XX年") it writes.
fn document_year(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find('年').map(|i| from + i) {
        if i >= 4
            && bytes[i - 4..i].iter().all(u8::is_ascii_digit)
            && (i < 5 || !bytes[i - 5].is_ascii_digit())
        {
            if let Ok(y) = text[i - 4..i].parse::<i32>() {
                if (1949..=2100).contains(&y) {
                    return Some(y);
                }
            }
        }
        from = i + '年'.len_utf8();
    }
    None
}

/// The last period `head` names, with the year it writes or `year`: "1至10月", "1-10月", "前三季度",
/// "上半年", "一季度", "截至10月底" (1—10月), "10月"; whether the year was written.
fn period_in(head: &str, year: Option<i32>) -> Option<(Period, bool)> {
    const WORDS: [&str; 8] = [
        "前三季度",
        "上半年",
        "下半年",
        "一季度",
        "二季度",
        "三季度",
        "四季度",
        "全年",
    ];
    let mut best: Option<(usize, Period, bool)> = None;
    let mut consider = |at: usize, p: Period, given: bool| {
        if best.as_ref().is_none_or(|(b, _, _)| at >= *b) {
            best = Some((at, p, given));
        }
    };
    // A written year just before a phrase.
    let written_year = |at: usize| -> Option<i32> {
        let before = head[..at].strip_suffix('年')?;
        let digits = before.get(before.len().checked_sub(4)?..)?;
        digits
            .parse()
            .ok()
            .filter(|_| digits.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut covered: Vec<Range<usize>> = Vec::new();
    for w in WORDS {
        for (at, _) in head.match_indices(w) {
            // "三季度" inside "前三季度" is not a quarter of its own.
            if covered.iter().any(|r| r.contains(&at)) {
                continue;
            }
            covered.push(at..at + w.len());
            let given = written_year(at);
            let Some(y) = given.or(year) else { continue };
            let text = if w == "全年" {
                format!("{y}年")
            } else {
                format!("{y}年{w}")
            };
            if let Ok(p) = text.parse() {
                consider(at, p, given.is_some());
            }
        }
    }
    // Months: "1至10月", "1—10月", "10月", "截至10月底".
    let chars: Vec<(usize, char)> = head.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        if c != '月' {
            continue;
        }
        // Digits before 月, and a range before them.
        let mut j = k;
        while j > 0 && chars[j - 1].1.is_ascii_digit() {
            j -= 1;
        }
        if j == k {
            continue;
        }
        let mut start = j;
        if j >= 2
            && matches!(chars[j - 1].1, '至' | '—' | '-' | '－' | '~' | '～' | '―')
            && chars[j - 2].1.is_ascii_digit()
        {
            start = j - 2;
            while start > 0 && chars[start - 1].1.is_ascii_digit() {
                start -= 1;
            }
        }
        let phrase = &head[chars[start].0..at + '月'.len_utf8()];
        let after = head[at + '月'.len_utf8()..].chars().next();
        if after == Some('日') || after.is_some_and(|c| c.is_ascii_digit()) {
            continue; // 10月13日: a date
        }
        let to_date = start == j
            && (head[..chars[start].0].ends_with("截至")
                || head[..chars[start].0].ends_with("截止"))
            || after == Some('底')
            || after == Some('末');
        let given = written_year(chars[start].0);
        let Some(y) = given.or(year) else { continue };
        let text = if to_date && start == j {
            format!("{y}年1—{}", &phrase)
        } else {
            format!("{y}年{phrase}")
        };
        if let Ok(p) = text.parse::<Period>() {
            consider(chars[start].0, p, given.is_some());
        }
    }
    best.map(|(_, p, g)| (p, g))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_from_sentences() {
        let p = |s: &str| period_in(s, Some(2023)).map(|(p, _)| p.to_string());
        assert_eq!(p("1至10月，全县完成"), Some("2023年1—10月".into()));
        assert_eq!(p("截至10月底，我乡"), Some("2023年1—10月".into()));
        assert_eq!(p("前三季度，全县"), Some("2023年前三季度".into()));
        assert_eq!(p("2022年上半年"), Some("2022年上半年".into()));
        assert_eq!(p("10月13日圆满完成"), None);
        assert_eq!(p("全乡"), None);
        assert_eq!(document_year("关于2023年度全面深化改革"), Some(2023));
    }

    #[test]
    fn a_completion_after_its_target() {
        let s =
            "预计州外到位资金2.68亿元完成年度目标任务数2.5亿元的107.42％，剩余在库投资0.16亿元。";
        let r: Vec<_> = statements(s).iter().map(|st| st.relation()).collect();
        assert_eq!(
            r,
            [
                Some(Relation::Level),
                Some(Relation::Target),
                Some(Relation::Completion),
                Some(Relation::Remaining)
            ]
        );
    }
}
