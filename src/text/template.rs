//! X templates: a report with X, XX, XXX (or ×, ○○, ＿＿) where its figures go, each placeholder
//! bound by the same grammar as a figure ([`super::statements`]) to its indicator, period and
//! relation, and filled from a table.

use std::ops::Range;

use super::bind::{Relation, statements_with};
use super::find::{FigureValue, Slot};
use crate::{Catalog, Error, PercentPoints, Period, Result, Table};

/// One placeholder of a [`Template`]: where it is, how it is written, what kind of figure it
/// stands for, and what the sentence binds it to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    span: Range<usize>,
    text: String,
    slot: Slot,
    line: usize,
    indicator: Option<String>,
    period: Option<Period>,
    relation: Option<Relation>,
}

impl Placeholder {
    /// The byte range of the placeholder with its unit ("X万人次").
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::text::Template::parse("2023年1至10月，全县固定资产投资完成X亿元。")?;
    /// let p = &t.placeholders()[0];
    /// assert_eq!(p.span(), 49..56); // "X亿元": X, 亿 and 元 are 1 + 3 + 3 bytes
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The placeholder as written, with its unit ("X万人次", "X%").
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::text::Template::parse("2023年1至10月，全县固定资产投资完成X亿元。")?;
    /// let p = &t.placeholders()[0];
    /// assert_eq!(p.text(), "X亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The kind of figure it stands for.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::text::Template::parse("2023年1至10月，全县固定资产投资完成X亿元。")?;
    /// let p = &t.placeholders()[0];
    /// assert_eq!(p.slot(), tongji::text::Slot::Quantity("亿元".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn slot(&self) -> Slot {
        self.slot
    }

    /// The line, from 1.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::text::Template::parse("2023年1至10月，全县固定资产投资完成X亿元。")?;
    /// let p = &t.placeholders()[0];
    /// assert_eq!(p.line(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// The indicator (catalog code) the sentence binds it to.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::text::Template::parse("2023年1至10月，全县固定资产投资完成X亿元。")?;
    /// let p = &t.placeholders()[0];
    /// assert_eq!(p.indicator(), Some("fai"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn indicator(&self) -> Option<&str> {
        self.indicator.as_deref()
    }

    /// The period the sentence gives it (with the document's year).
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::text::Template::parse("2023年1至10月，全县固定资产投资完成X亿元。")?;
    /// let p = &t.placeholders()[0];
    /// assert_eq!(p.period().map(|p| p.to_string()), Some("2023年1—10月".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn period(&self) -> Option<Period> {
        self.period
    }

    /// The relation it states (a level, a growth, a completion …).
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::text::Template::parse("2023年1至10月，全县固定资产投资完成X亿元。")?;
    /// let p = &t.placeholders()[0];
    /// assert_eq!(p.relation(), Some(tongji::text::Relation::Level));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn relation(&self) -> Option<Relation> {
        self.relation
    }
}

/// A report template: its text, and its placeholders bound to what they stand for.
///
/// # Examples
///
/// ```
/// use tongji::text::{Relation, Template};
/// let t = Template::parse("2023年，全县接待游客X万人次，同比增长X%。")?;
/// let p = t.placeholders();
/// assert_eq!(p.len(), 2);
/// assert_eq!((p[0].indicator(), p[0].relation()), (Some("tourists"), Some(Relation::Level)));
/// assert_eq!(p[1].relation(), Some(Relation::Growth));
/// let csv = "地区,指标,时期,数值\n全县,接待游客,2023年,74.2万人次\n全县,接待游客,2022年,66.36万人次\n";
/// let (table, _) = tongji::Table::read_csv(csv.as_bytes())?;
/// let filled = t.fill(&table, "全县");
/// assert_eq!(filled.text(), "2023年，全县接待游客74.2万人次，同比增长11.8%。");
/// assert!(filled.unfilled().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    text: String,
    placeholders: Vec<Placeholder>,
}

/// A filled template: the text, and the placeholders that could not be filled (left as written)
/// with the reason.
#[derive(Debug, Clone)]
pub struct Filled {
    text: String,
    unfilled: Vec<(Placeholder, Error)>,
}

impl Filled {
    /// The text with every placeholder that could be filled filled.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::text::Template::parse("全县X项。")?;
    /// assert_eq!(t.fill(&tongji::Table::new(), "全县").text(), "全县X项。"); // nothing to fill it with
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The placeholders left as written, each with why.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::text::Template::parse("2023年，全县接待游客X万人次，某项X万元。")?;
    /// let filled = t.fill(&tongji::Table::new(), "全县");
    /// let reasons: Vec<String> = filled.unfilled().iter().map(|(p, e)| format!("{}: {e}", p.text())).collect();
    /// assert_eq!(reasons, [
    ///     "X万人次: no figure of 接待游客 for 全县 in 2023年",
    ///     "X万元: no indicator the sentence names",
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn unfilled(&self) -> &[(Placeholder, Error)] {
        &self.unfilled
    }
}

impl Template {
    /// Finds every placeholder of `text` and binds it, against the built-in catalog.
    ///
    /// # Errors
    ///
    /// None at present; a placeholder nothing binds is kept, unbound, and reported by
    /// [`Template::fill`].
    ///
    /// # Examples
    ///
    /// See [`Template`].
    pub fn parse(text: &str) -> Result<Template> {
        Template::parse_with(text, &Catalog::builtin())
    }

    /// [`Template::parse`] against `catalog`.
    ///
    /// # Errors
    ///
    /// As [`Template::parse`].
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::text::Template::parse_with("全年GDP增长X%", &tongji::Catalog::builtin())?;
    /// assert_eq!(t.placeholders()[0].indicator(), Some("gdp"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_with(text: &str, catalog: &Catalog) -> Result<Template> {
        let placeholders = statements_with(text, catalog)
            .into_iter()
            .filter_map(|s| match s.figure().value() {
                FigureValue::Placeholder(slot) => Some(Placeholder {
                    span: s.figure().span(),
                    text: s.figure().text().to_string(),
                    slot: *slot,
                    line: s.line(),
                    indicator: s.indicator().map(str::to_string),
                    period: s.period().map(|p| p.period()),
                    relation: s.relation(),
                }),
                _ => None,
            })
            .collect();
        Ok(Template {
            text: text.to_string(),
            placeholders,
        })
    }

    /// The placeholders, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::text::Template::parse("2023年1至10月，全县固定资产投资完成X亿元。")?;
    /// let p = &t.placeholders()[0];
    /// assert_eq!(t.placeholders().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn placeholders(&self) -> &[Placeholder] {
        &self.placeholders
    }

    /// Fills each placeholder from `table` for `region`: a level in the slot's unit and magnitude
    /// (all its digits: 46596万元 into "X亿元" is 4.6596), a growth as its signed rate, a 完成率,
    /// a gap to 序时进度. What cannot be filled stays as written and is listed with the reason — a
    /// placeholder nothing binds, a figure the table does not have, a unit that does not fit the
    /// slot (万元 into a 万人次 slot).
    ///
    /// # Examples
    ///
    /// ```
    /// let csv = "地区,指标,时期,数值,目标\n全县,fai,2023年1—10月,46596万元,4.4亿元\n";
    /// let (table, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let t = tongji::text::Template::parse("2023年1至10月，全县完成固定资产投资X亿元，占年度任务数的X%。固定资产投资X万人次。")?;
    /// let filled = t.fill(&table, "全县");
    /// assert_eq!(filled.text(), "2023年1至10月，全县完成固定资产投资4.6596亿元，占年度任务数的105.9%。固定资产投资X万人次。");
    /// assert_eq!(filled.unfilled()[0].1.to_string(), "unit mismatch: 万人次 and 元 cannot be combined");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn fill(&self, table: &Table, region: &str) -> Filled {
        self.fill_with(|p| value_for(p, table, region))
    }
}

impl Template {
    /// Fills the ledger placeholders of a 改革总结 from `ledger`'s summary: 共计X项 (the tasks), 其中X项
    /// 延期 (deferred), X项完成 (completed), 完成率X% (deferred tasks out of the denominator). The
    /// other placeholders are left as written and listed.
    ///
    /// # Examples
    ///
    /// ```
    /// let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// let (ledger, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// let t = tongji::text::Template::parse("明确8大领域共计X项改革事项(其中X项延期)，X项全部完成，完成率X%。")?;
    /// let filled = t.fill_ledger(&ledger);
    /// assert_eq!(filled.text(), "明确8大领域共计44项改革事项(其中4项延期)，40项全部完成，完成率100%。");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn fill_ledger(&self, ledger: &crate::Ledger) -> Filled {
        let summary = ledger.summary();
        let all = summary.overall();
        self.fill_with(|p| match (p.relation, p.slot) {
            (Some(Relation::TaskTotal), Slot::Quantity(_)) => Ok(all.total().to_string()),
            (Some(Relation::TaskDeferred), Slot::Quantity(_)) => Ok(all.deferred().to_string()),
            (Some(Relation::TaskCompleted), Slot::Quantity(_)) => Ok(all.completed().to_string()),
            // As the ledger sentence prints it: "100%", "90.9%".
            (Some(Relation::Completion), Slot::Rate) => Ok(summary
                .completion_rate()
                .to_report_text()
                .trim_end_matches('%')
                .to_string()),
            (relation, slot) => Err(Error::not_found(format_args!(
                "ledger figure for a {slot:?} placeholder stating {relation:?}"
            ))),
        })
    }

    fn fill_with(&self, value: impl Fn(&Placeholder) -> Result<String>) -> Filled {
        let mut text = String::with_capacity(self.text.len());
        let mut unfilled = Vec::new();
        let mut from = 0;
        for p in &self.placeholders {
            text.push_str(&self.text[from..p.span.start]);
            match value(p) {
                Ok(v) => {
                    text.push_str(&v);
                    text.push_str(&self.text[p.span.start + marks_len(&p.text)..p.span.end]);
                }
                Err(e) => {
                    text.push_str(&p.text);
                    unfilled.push((p.clone(), e));
                }
            }
            from = p.span.end;
        }
        text.push_str(&self.text[from..]);
        Filled { text, unfilled }
    }
}

/// The bytes of a placeholder's marks ("XX.X" of "XX.X万元").
fn marks_len(text: &str) -> usize {
    text.char_indices()
        .find(|(_, c)| !matches!(c, 'X' | 'Ｘ' | '×' | '○' | '＿' | '_' | '.' | '．'))
        .map_or(text.len(), |(i, _)| i)
}

/// The number a placeholder is filled with, as text.
fn value_for(p: &Placeholder, table: &Table, region: &str) -> Result<String> {
    let indicator = p
        .indicator
        .as_deref()
        .ok_or_else(|| Error::not_found("indicator the sentence names"))?;
    let period = p
        .period
        .ok_or_else(|| Error::not_found("year in the template (the period of the placeholder)"))?;
    let name = table
        .catalog()
        .get(indicator)
        .map_or(indicator, |i| i.name());
    // A quantity slot must be in the indicator's dimension (万元 does not go into "X万人次").
    if let (Slot::Quantity(spec), Some(i)) = (p.slot, table.catalog().get(indicator)) {
        if spec.unit().dimension() != i.unit().dimension() {
            return Err(Error::mismatch(spec, i.unit()));
        }
    }
    let missing = || Error::not_found(format_args!("figure of {name} for {region} in {period}"));
    match (p.relation, p.slot) {
        (Some(Relation::Level | Relation::Total | Relation::Remaining), Slot::Quantity(spec)) => {
            let o = table.get(region, indicator, &period).ok_or_else(missing)?;
            let value = o.value();
            value
                .same_dimension_as(spec.unit())
                .map_err(|_| Error::mismatch(spec, value.unit()))?;
            let shown = value
                .to_magnitude(spec.magnitude())
                .and_then(|q| q.to_unit(spec.unit()))?;
            Ok(shown.value().to_string())
        }
        (Some(Relation::Target), Slot::Quantity(spec)) => {
            let o = table.get(region, indicator, &period).ok_or_else(missing)?;
            let t = o.target().ok_or_else(missing)?;
            t.same_dimension_as(spec.unit())
                .map_err(|_| Error::mismatch(spec, t.unit()))?;
            let shown = t
                .to_magnitude(spec.magnitude())
                .and_then(|q| q.to_unit(spec.unit()))?;
            Ok(shown.value().to_string())
        }
        (Some(Relation::Growth), Slot::Rate) => {
            let g = table.growth(region, indicator, &period)?;
            let rate = g.rate().ok_or_else(|| {
                Error::not_found(format_args!("rate of the growth of {name}: it is {g}"))
            })?;
            Ok(rate
                .rounded(crate::Rounding::new(1))
                .to_string()
                .trim_end_matches('%')
                .to_string())
        }
        (Some(Relation::Completion), Slot::Rate) => {
            let r = table.completion(region, indicator, &period)?;
            Ok(r.to_string().trim_end_matches('%').to_string())
        }
        (Some(Relation::ScheduleGap), Slot::Points) => {
            let gap = table.schedule_gap(region, indicator, &period)?;
            // The sentence says 快于 or 慢于: the placeholder is the size of the gap.
            let points = gap.points().rounded(crate::Rounding::new(1));
            let shown =
                PercentPoints::from_decimal(points.value().abs()).rounded(crate::Rounding::new(1));
            Ok(shown.to_string().trim_end_matches("个百分点").to_string())
        }
        (relation, slot) => Err(Error::not_found(format_args!(
            "way to fill a {slot:?} placeholder stating {relation:?}"
        ))),
    }
}
