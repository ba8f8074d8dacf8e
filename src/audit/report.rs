//! `AuditReport`: the findings of an audit, their counts, the Chinese 审核报告 and the JSON schema.

use std::fmt;

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use super::finding::{Figure, Finding, Hypothesis, Severity, Verdict};
use crate::Interval;

/// The version of the JSON an [`AuditReport`] serializes as; see the [module docs](crate::audit).
pub(crate) const SCHEMA: &str = "tongji/audit/v1";

/// The findings of an audit, in the order checked, with their counts by verdict and severity.
///
/// `Display` renders a Chinese 审核报告: how many relations were checked, each inconsistency with
/// what the operands give ("应为增长11.8%"), the hints, and what could not be checked and why.
/// `Serialize` gives the versioned JSON of the [module docs](crate::audit).
///
/// # Examples
///
/// ```
/// use tongji::audit::{self, AuditReport, Verdict};
/// let q = |s: &str| s.parse::<tongji::Quantity>();
/// // Seed 002: 在库总投资53670万元，出数46596万元，剩余5992万元；2.85亿元 − 2.68亿元 = 剩余0.16亿元
/// let report: AuditReport = [
///     audit::difference(&q("53670万元")?, &q("46596万元")?, &q("5992万元")?)?,
///     audit::difference(&q("2.85亿元")?, &q("2.68亿元")?, &q("0.16亿元")?)?,
/// ].into_iter().collect();
/// assert_eq!((report.count(Verdict::Inconsistent), report.count(Verdict::Consistent)), (1, 1));
/// assert_eq!(report.to_string(), "审核报告\n共审核2项勾稽关系，发现1处不一致：\n\
///     1. 【核实性】差额5992万元与53670万元、46596万元不符，应为7074万元（可取范围(7073, 7075)，低于下限1081）\n\
///     精确相符0项，在修约范围内相符1项。\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct AuditReport {
    findings: Vec<Finding>,
}

impl AuditReport {
    /// The findings, in the order checked.
    ///
    /// # Examples
    ///
    /// ```
    /// let csv = "地区,指标,时期,数值,同比增长\n示例县,接待游客,2023年,74.2万人次,-2.3\n示例县,接待游客,2022年,66.36万人次,\n";
    /// let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.audit();
    /// assert_eq!(report.findings()[0].expected_text(), "增长11.8%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// How many findings have the verdict.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::{self, AuditReport, Verdict};
    /// let report = AuditReport::from(vec![audit::task_counts(44, &[40, 4])?]);
    /// assert_eq!(report.count(Verdict::Exact), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn count(&self, verdict: Verdict) -> usize {
        self.findings
            .iter()
            .filter(|f| f.verdict() == verdict)
            .count()
    }

    /// How many findings have the severity.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::{self, AuditReport, Severity};
    /// // The same ledger with 41 completed: 41 + 4 is not 44, and 41 of 40 due cannot be.
    /// let report = AuditReport::from(vec![
    ///     audit::task_counts(44, &[41, 4])?,
    ///     audit::task_completion(41, 44, 4, &"100%".parse()?)?,
    /// ]);
    /// assert_eq!(report.count_severity(Severity::Mandatory), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn count_severity(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity() == Some(severity))
            .count()
    }

    /// How many relations were checked (every finding, the not checkable ones included).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::audit::AuditReport::default().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.findings.len()
    }

    /// Whether nothing was checked.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(tongji::audit::AuditReport::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    /// The findings that need attention (those with a severity), most serious first.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::{self, AuditReport, Severity};
    /// let report = AuditReport::from(vec![
    ///     audit::difference(&"2.85亿元".parse()?, &"2.68亿元".parse()?, &"0.16亿元".parse()?)?,
    ///     audit::task_counts(44, &[41, 4])?,
    /// ]);
    /// let issues: Vec<_> = report.issues().map(|f| f.severity()).collect();
    /// assert_eq!(issues, [Some(Severity::Mandatory)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issues(&self) -> impl Iterator<Item = &Finding> {
        let mut v: Vec<&Finding> = self
            .findings
            .iter()
            .filter(|f| f.severity().is_some())
            .collect();
        v.sort_by_key(|f| f.severity());
        v.into_iter()
    }

    pub(crate) fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }
}

impl From<Vec<Finding>> for AuditReport {
    /// A report of findings checked one by one.
    fn from(findings: Vec<Finding>) -> AuditReport {
        AuditReport { findings }
    }
}

impl FromIterator<Finding> for AuditReport {
    fn from_iter<I: IntoIterator<Item = Finding>>(iter: I) -> AuditReport {
        AuditReport {
            findings: iter.into_iter().collect(),
        }
    }
}

impl Extend<Finding> for AuditReport {
    fn extend<I: IntoIterator<Item = Finding>>(&mut self, iter: I) {
        self.findings.extend(iter);
    }
}

impl<'a> IntoIterator for &'a AuditReport {
    type Item = &'a Finding;
    type IntoIter = std::slice::Iter<'a, Finding>;

    fn into_iter(self) -> Self::IntoIter {
        self.findings.iter()
    }
}

impl IntoIterator for AuditReport {
    type Item = Finding;
    type IntoIter = std::vec::IntoIter<Finding>;

    fn into_iter(self) -> Self::IntoIter {
        self.findings.into_iter()
    }
}

impl fmt::Display for AuditReport {
    /// The Chinese 审核报告.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::audit::write_report(f, self)
    }
}

/// Counts by name, every name present.
struct Counts<'a, T: Copy + 'static> {
    all: &'static [T],
    name: fn(T) -> &'static str,
    count: &'a dyn Fn(T) -> usize,
}

impl<T: Copy> Serialize for Counts<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.all.len()))?;
        for &x in self.all {
            map.serialize_entry((self.name)(x), &(self.count)(x))?;
        }
        map.end()
    }
}

const SEVERITIES: [Severity; 3] = [Severity::Mandatory, Severity::Verify, Severity::Hint];

impl Serialize for AuditReport {
    /// The `tongji/audit/v1` schema of the [module docs](crate::audit).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct ByKind<'a>(&'a AuditReport);
        impl Serialize for ByKind<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut s = serializer.serialize_struct("Counts", 2)?;
                s.serialize_field(
                    "verdict",
                    &Counts {
                        all: &Verdict::ALL,
                        name: Verdict::as_str,
                        count: &|v| self.0.count(v),
                    },
                )?;
                s.serialize_field(
                    "severity",
                    &Counts {
                        all: &SEVERITIES,
                        name: Severity::as_str,
                        count: &|v| self.0.count_severity(v),
                    },
                )?;
                s.end()
            }
        }
        let mut s = serializer.serialize_struct("AuditReport", 4)?;
        s.serialize_field("schema", SCHEMA)?;
        s.serialize_field("checked", &self.findings.len())?;
        s.serialize_field("counts", &ByKind(self))?;
        s.serialize_field("findings", &self.findings)?;
        s.end()
    }
}

impl Serialize for Figure {
    /// `{ "role": "current", "text": "74.2万人次" }`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Figure", 2)?;
        s.serialize_field("role", self.role().as_str())?;
        s.serialize_field("text", &self.text())?;
        s.end()
    }
}

/// An interval's ends as strings, each end `null` when unbounded.
struct Allowed(Interval);

impl Serialize for Allowed {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let i = &self.0;
        let mut s = serializer.serialize_struct("Allowed", 4)?;
        s.serialize_field("lower", &i.lower().map(|d| d.normalize().to_string()))?;
        s.serialize_field("lower_closed", &i.is_lower_closed())?;
        s.serialize_field("upper", &i.upper().map(|d| d.normalize().to_string()))?;
        s.serialize_field("upper_closed", &i.is_upper_closed())?;
        s.end()
    }
}

struct Hypo<'a>(&'a Hypothesis);

impl Serialize for Hypo<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Hypothesis", 2)?;
        s.serialize_field("kind", self.0.as_str())?;
        s.serialize_field("detail", &self.0.detail())?;
        s.end()
    }
}

impl Serialize for Finding {
    /// One finding of the `tongji/audit/v1` schema of the [module docs](crate::audit).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Finding", 14)?;
        s.serialize_field("rule", self.rule().as_str())?;
        s.serialize_field("region", &self.region())?;
        s.serialize_field("indicator", &self.indicator())?;
        s.serialize_field("period", &self.period().map(|p| p.to_string()))?;
        s.serialize_field("figures", self.figures())?;
        s.serialize_field("stated", self.stated())?;
        s.serialize_field("allowed", &self.allowed().map(Allowed))?;
        s.serialize_field("verdict", self.verdict().as_str())?;
        s.serialize_field("severity", &self.severity().map(Severity::as_str))?;
        s.serialize_field("reason", &self.reason().map(|r| r.as_str()))?;
        s.serialize_field("imbalance", &self.imbalance().map(|d| d.to_string()))?;
        let expected = self.expected_text();
        s.serialize_field("expected", &(!expected.is_empty()).then_some(expected))?;
        s.serialize_field("hypothesis", &self.hypothesis().map(Hypo))?;
        if let Some(at) = self.source() {
            s.serialize_field("source", &Source(at))?;
        }
        s.end()
    }
}

/// A text finding's source: `{"line", "span": [start, end], "sentence"}`.
struct Source<'a>(&'a super::finding::TextSource);

impl Serialize for Source<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Source", 3)?;
        s.serialize_field("line", &self.0.line())?;
        s.serialize_field("span", &[self.0.span().start, self.0.span().end])?;
        s.serialize_field("sentence", self.0.sentence())?;
        s.end()
    }
}
