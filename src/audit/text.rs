//! Auditing report text: the figures found and bound ([`crate::text::statements`]), and every
//! relation a sentence states checked by the rules of this module — 完成率 against the level and
//! target before it, 剩余 against the total and what is done, 均价 against the amount and quantity,
//! a ledger's 完成率 against its counts, parts (the three sectors) against their whole, 占比
//! against the two levels — each finding quoting its sentence and line.

use super::finding::TextSource;
use super::{AuditReport, Auditor, Finding};
use crate::text::{FigureValue, Relation, Statement, statements_with};
use crate::{Catalog, Quantity, Rate, Result};

/// Audits the figures a report's text states, against the built-in catalog; see
/// [`text_with`].
///
/// # Errors
///
/// None at present: a relation whose figures cannot be combined is left out, and sentences
/// nothing binds are not audited. The `Result` leaves room for a catalog that cannot be read.
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Verdict};
/// // Seed 002: 2.68 / 2.5 is 107.2%, not 107.42%.
/// let report = audit::text("预计州外到位资金2.68亿元，完成年度目标任务数2.5亿元的107.42％。")?;
/// assert_eq!(report.count(Verdict::Inconsistent), 1);
/// assert_eq!(report.findings()[0].expected_text(), "107.20%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn text(text: &str) -> Result<AuditReport> {
    text_with(text, &Catalog::builtin(), &Auditor::new())
}

/// [`text`] against `catalog`, with `auditor`'s rounding.
///
/// # Errors
///
/// As [`text`].
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, Auditor, Verdict};
/// use tongji::{Catalog, RoundingMode};
/// let s = "共计44项改革事项(其中4项延期)，40项全部完成，完成率100%。";
/// let report = audit::text_with(s, &Catalog::builtin(), &Auditor::new().rounding(RoundingMode::HalfEven))?;
/// assert_eq!(report.count(Verdict::Exact), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn text_with(text: &str, catalog: &Catalog, auditor: &Auditor) -> Result<AuditReport> {
    let found = statements_with(text, catalog);
    let mut report = AuditReport::default();
    let mut i = 0;
    while i < found.len() {
        let sentence = found[i].sentence();
        let end = found[i..]
            .iter()
            .position(|s| s.sentence() != sentence)
            .map_or(found.len(), |n| i + n);
        sentence_rules(text, &found[i..end], auditor, &mut report);
        i = end;
    }
    line_rules(text, &found, catalog, auditor, &mut report);
    Ok(report)
}

fn quantity<'s>(s: &'s Statement<'_>) -> Option<&'s Quantity> {
    match s.figure().value() {
        FigureValue::Quantity(q) => Some(q),
        _ => None,
    }
}

fn rate<'s>(s: &'s Statement<'_>) -> Option<&'s Rate> {
    match s.figure().value() {
        FigureValue::Rate(r) => Some(r),
        _ => None,
    }
}

fn source(text: &str, s: &Statement<'_>) -> TextSource {
    let span = s.sentence();
    TextSource {
        line: s.line(),
        sentence: text.get(span.clone()).unwrap_or("").trim().into(),
        span,
    }
}

fn push(report: &mut AuditReport, text: &str, at: &Statement<'_>, finding: Result<Finding>) {
    if let Ok(f) = finding {
        report.push(f.in_text(source(text, at)));
    }
}

/// The last statement before `before` in `sentence` with `relation` whose quantity has the
/// dimension of `like` (any, when `like` is `None`).
fn last<'s, 'a>(
    sentence: &'s [Statement<'a>],
    before: usize,
    relation: Relation,
    like: Option<&Quantity>,
) -> Option<(usize, &'s Quantity)> {
    // A relation's figures stand close together: a bounded look-back keeps long sentences linear.
    sentence[..before]
        .iter()
        .enumerate()
        .rev()
        .take(16)
        .find_map(|(k, s)| {
            let q = quantity(s)?;
            let fits = s.relation() == Some(relation)
                && like.is_none_or(|l| l.unit().dimension() == q.unit().dimension());
            fits.then_some((k, q))
        })
}

/// The relations one sentence states with all their figures in it.
fn sentence_rules(
    text: &str,
    sentence: &[Statement<'_>],
    auditor: &Auditor,
    report: &mut AuditReport,
) {
    for (k, s) in sentence.iter().enumerate() {
        match s.relation() {
            // 完成年度目标任务数2.5亿元的107.42％: the level before the target.
            Some(Relation::Completion) => {
                let Some(stated) = rate(s) else { continue };
                if let Some((t, target)) = last(sentence, k, Relation::Target, None) {
                    if let Some((_, actual)) = last(sentence, t, Relation::Level, Some(target))
                        .or_else(|| last(sentence, t, Relation::Total, Some(target)))
                    {
                        push(report, text, s, auditor.completion(actual, target, stated));
                    }
                }
            }
            // 总投资53670万元，出数46596万元，剩余5992万元.
            Some(Relation::Remaining) => {
                let Some(stated) = quantity(s) else { continue };
                if let Some((t, total)) = last(sentence, k, Relation::Total, Some(stated)) {
                    let done = sentence[t + 1..k].iter().rev().take(16).find_map(|d| {
                        quantity(d).filter(|q| {
                            d.relation() == Some(Relation::Level)
                                && q.unit().dimension() == stated.unit().dimension()
                        })
                    });
                    if let Some(done) = done {
                        push(report, text, s, auditor.difference(total, done, stated));
                    }
                }
            }
            // 收购101.2万公斤，总额3554.85万元，均价35.13元: the amount over the quantity.
            Some(Relation::PerUnit) if text[s.cue()].starts_with("均价") => {
                let Some(stated) = quantity(s) else { continue };
                let amount = sentence[..k].iter().rev().take(16).find_map(|a| {
                    quantity(a).filter(|q| {
                        q.unit() == stated.unit().base()
                            || q.unit().dimension() == stated.unit().dimension()
                    })
                });
                let Some(amount) = amount else { continue };
                let per = sentence[..k].iter().rev().take(16).find_map(|a| {
                    quantity(a).filter(|q| {
                        q.unit().dimension() != amount.unit().dimension()
                            && !q.unit().dimension().is_count()
                    })
                });
                let Some(per) = per else { continue };
                let Ok(stated) =
                    format!("{}/{}", s.figure().text(), per.unit()).parse::<Quantity>()
                else {
                    continue;
                };
                push(report, text, s, auditor.per_unit(amount, per, &stated));
            }
            _ => {}
        }
    }
    // 共计44项…其中4项延期…40项完成，完成率100%.
    let count = |relation: Relation| {
        sentence
            .iter()
            .find(|s| s.relation() == Some(relation))
            .and_then(quantity)
            .and_then(|q| {
                u32::try_from(q.value().trunc().mantissa())
                    .ok()
                    .filter(|_| q.value().scale() == 0)
            })
    };
    let total = count(Relation::TaskTotal);
    let completed = count(Relation::TaskCompleted);
    if let (Some(total), Some(completed)) = (total, completed) {
        let deferred = count(Relation::TaskDeferred).unwrap_or(0);
        if let Some(at) = sentence
            .iter()
            .find(|s| s.relation() == Some(Relation::Completion) && rate(s).is_some())
        {
            if let Some(stated) = rate(at) {
                push(
                    report,
                    text,
                    at,
                    auditor.task_completion(completed, total, deferred, stated),
                );
            }
        }
    }
}

/// Relations across the sentences of the text: the parts of an indicator against it, a
/// structure and a share against the levels they divide — each level the first the text states
/// for its indicator and period.
fn line_rules(
    text: &str,
    found: &[Statement<'_>],
    catalog: &Catalog,
    auditor: &Auditor,
    report: &mut AuditReport,
) {
    type Key<'k> = (&'k str, Option<crate::Period>);
    let mut levels: std::collections::HashMap<Key<'_>, (&Statement<'_>, &Quantity)> =
        std::collections::HashMap::new();
    for s in found {
        if let (Some(Relation::Level), Some(code), Some(q)) =
            (s.relation(), s.indicator(), quantity(s))
        {
            levels
                .entry((code, s.period().map(|p| p.period())))
                .or_insert((s, q));
        }
    }
    let level_of = |code: &str, period: Option<crate::Period>| levels.get(&(code, period)).copied();
    let parts_of = |whole: &str, period: Option<crate::Period>| -> Option<Vec<Quantity>> {
        let children: Vec<_> = catalog
            .iter()
            .filter(|p| p.parent() == Some(whole))
            .collect();
        let parts: Vec<Quantity> = children
            .iter()
            .filter_map(|p| level_of(p.code(), period).map(|(_, q)| *q))
            .collect();
        (parts.len() == children.len() && parts.len() > 1).then_some(parts)
    };
    // The parts of an indicator whose parts are complete (the three sectors) against it.
    for whole in catalog.iter().filter(|w| w.parts_complete()) {
        let mut periods: Vec<Option<crate::Period>> = levels
            .keys()
            .filter(|(code, _)| *code == whole.code())
            .map(|(_, p)| *p)
            .collect();
        periods.sort();
        for period in periods {
            if let (Some((at, total)), Some(parts)) = (
                level_of(whole.code(), period),
                parts_of(whole.code(), period),
            ) {
                push(report, text, at, auditor.sum(&parts, total));
            }
        }
    }
    for s in found {
        let period = s.period().map(|p| p.period());
        match (s.relation(), s.figure().value()) {
            // 三次产业结构为25.72:26.84:47.44.
            (Some(Relation::Structure), FigureValue::Ratio(shares)) => {
                let Some(whole) = s.indicator() else { continue };
                let Some(parts) = parts_of(whole, period) else {
                    continue;
                };
                if parts.len() != shares.len() {
                    continue;
                }
                let stated: Vec<Rate> = shares
                    .iter()
                    .filter_map(|d| format!("{d}%").parse().ok())
                    .collect();
                if let Ok(findings) = auditor.structure(&parts, &stated) {
                    for f in findings {
                        report.push(f.in_text(source(text, s)));
                    }
                }
            }
            // 第一产业增加值占国内生产总值比重为7.1%; "第二产业增加值比重为38.3%" names the part only,
            // and its whole is the part's parent in the catalog.
            (Some(Relation::Share), FigureValue::Rate(stated)) => {
                let head = &text[s.sentence().start..s.figure().span().start];
                let clause = head.rsplit(['，', ',', '；']).next().unwrap_or(head);
                let (part, whole) = match clause.rsplit_once('占') {
                    Some((before, after)) => (
                        indicator_named(before, catalog),
                        indicator_named(after, catalog),
                    ),
                    None => {
                        let part = indicator_named(clause, catalog);
                        let parent = part
                            .as_deref()
                            .and_then(|p| catalog.get(p))
                            .and_then(|i| i.parent())
                            .map(str::to_string);
                        (part, parent)
                    }
                };
                if let (Some(part), Some(whole)) = (part, whole) {
                    if let (Some((_, p)), Some((_, w))) =
                        (level_of(&part, period), level_of(&whole, period))
                    {
                        push(report, text, s, auditor.share(p, w, stated));
                    }
                }
            }
            _ => {}
        }
    }
}

/// The code of the last indicator `text` names.
fn indicator_named(text: &str, catalog: &Catalog) -> Option<String> {
    crate::text::bind::last_indicator(text, catalog)
}
