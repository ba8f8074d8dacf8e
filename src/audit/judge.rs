//! The judgement every rule shares: the range the operands allow against the values the stated
//! figure prints for.

use rust_decimal::Decimal;

use super::finding::{Figure, Finding, Hypothesis, Reason, Role, Rule, Severity, Value, Verdict};
use crate::value::precision::Precision;
use crate::value::rounding::{exact_div, exact_mul, shift10};
use crate::{
    Growth, Interval, Magnitude, Multiple, PercentPoints, Quantity, Rate, Rounding, RoundingMode,
    Unit,
};

/// How a stated figure is written: what its measure is and how a value prints in it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Form {
    /// A quantity in `magnitude` and `unit`, its measure `1 stated unit = scale base units`
    /// (`None` when that does not fit a decimal); `shift` when the scale is the power of ten
    /// 10^shift (a unit that is its own base).
    Quantity {
        magnitude: Magnitude,
        unit: Unit,
        scale: Option<Decimal>,
        shift: Option<i32>,
    },
    /// A rate, in percent or per mille.
    Rate { per_mille: bool },
    /// Percentage points.
    Points,
    /// 倍.
    Multiple,
    /// A growth rate worded 增长/下降, in percent.
    Growth,
    /// A whole count.
    Count,
}

/// The stated figure of a check, in its own measure.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stated {
    pub(crate) figure: Figure,
    /// The value in its measure.
    pub(crate) value: Decimal,
    /// The places it is written with.
    pub(crate) places: u32,
    pub(crate) form: Form,
    /// The values it stands for when it is not simply rounded at its places (exact, qualified,
    /// computed); `None` for a written figure.
    pub(crate) fixed: Option<Interval>,
}

impl Stated {
    pub(crate) fn quantity(q: &Quantity) -> Stated {
        let factor = q.unit().factor();
        let scale = shift10(factor.numerator(), q.magnitude().exponent())
            .and_then(|n| n.checked_div(factor.denominator()));
        let own_base = factor.numerator() == Decimal::ONE && factor.denominator() == Decimal::ONE;
        let shift = own_base.then(|| q.magnitude().exponent());
        let fixed = match q.precision() {
            Precision::Rounded { .. } => None,
            _ => scale.and_then(|k| q.interval().checked_div(&Interval::point(k)).ok()),
        };
        Stated {
            figure: Figure::new(Role::Stated, Value::Quantity(*q)),
            value: q.value(),
            places: q.value().scale(),
            form: Form::Quantity {
                magnitude: q.magnitude(),
                unit: q.unit(),
                scale,
                shift,
            },
            fixed,
        }
    }

    pub(crate) fn rate(r: &Rate) -> Stated {
        let per_mille = r.is_per_mille();
        let value = r.notation_value();
        Stated {
            figure: Figure::new(Role::Stated, Value::Rate(*r)),
            value,
            places: value.scale(),
            form: Form::Rate { per_mille },
            fixed: fixed_of(r.precision(), r.interval(), per_mille),
        }
    }

    pub(crate) fn points(p: &PercentPoints) -> Stated {
        Stated {
            figure: Figure::new(Role::Stated, Value::Points(*p)),
            value: p.value(),
            places: p.value().scale(),
            form: Form::Points,
            fixed: fixed_of(p.precision(), p.interval(), false),
        }
    }

    pub(crate) fn multiple(m: &Multiple) -> Stated {
        Stated {
            figure: Figure::new(Role::Stated, Value::Multiple(*m)),
            value: m.value(),
            places: m.value().scale(),
            form: Form::Multiple,
            fixed: fixed_of(m.precision(), m.interval(), false),
        }
    }

    /// A stated growth rate (the caller handles the states).
    pub(crate) fn growth(g: &Growth, r: &Rate) -> Stated {
        Stated {
            figure: Figure::new(Role::Stated, Value::Growth(*g)),
            value: r.percent(),
            places: r.percent().scale(),
            form: Form::Growth,
            fixed: fixed_of(r.precision(), r.interval(), false),
        }
    }

    pub(crate) fn count(n: u32) -> Stated {
        let value = Decimal::from(n);
        Stated {
            figure: Figure::new(Role::Stated, Value::Count(n)),
            value,
            places: 0,
            form: Form::Count,
            fixed: Some(Interval::point(value)),
        }
    }

    /// The values that print as the stated figure under `mode`.
    fn acceptance(&self, mode: RoundingMode) -> Interval {
        self.fixed
            .unwrap_or_else(|| Interval::rounding(self.value, self.places, mode))
    }

    /// `value` written as the stated figure is, at its places, rounded by `mode`.
    pub(crate) fn format(&self, value: Decimal, mode: RoundingMode) -> String {
        self.pending(Point::Value(value), mode).text()
    }

    /// `value`, to be written as the stated figure is.
    pub(crate) fn pending(&self, value: Point, mode: RoundingMode) -> Pending {
        Pending {
            value,
            places: self.places,
            form: self.form,
            mode,
        }
    }
}

/// A value to be written as a stated figure is, when it is asked for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pending {
    value: Point,
    places: u32,
    form: Form,
    mode: RoundingMode,
}

impl Pending {
    /// The value at the stated figure's places, rounded by the mode, in its form.
    pub(crate) fn text(self) -> String {
        let Some(value) = self.value.value() else {
            return String::new();
        };
        let rounding = Rounding::new(self.places).with_mode(self.mode);
        let v = rounding.apply(value);
        match self.form {
            Form::Quantity {
                magnitude, unit, ..
            } => format!("{v}{}{unit}", magnitude.as_str()),
            Form::Rate { per_mille: true } => format!("{v}‰"),
            Form::Rate { per_mille: false } => format!("{v}%"),
            Form::Points => PercentPoints::from_decimal(v).rounded(rounding).to_string(),
            Form::Multiple => Multiple::from_decimal(v).rounded(rounding).to_string(),
            Form::Growth => Growth::Rate(Rate::from_percent(v).rounded(rounding)).to_string(),
            Form::Count => v.to_string(),
        }
    }
}

/// A computed figure's own interval, when it is not simply a written figure.
fn fixed_of(precision: Precision, interval: Interval, per_mille: bool) -> Option<Interval> {
    match precision {
        Precision::Rounded { .. } => None,
        _ if per_mille => interval.scaled(Decimal::TEN).ok(),
        _ => Some(interval),
    }
}

/// The figure the operands as written give: a value, or a quotient divided only when its value is
/// asked for (most findings stand, and their figure is never shown).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Point {
    /// The operands give no figure (an inequality).
    None,
    Value(Decimal),
    /// `num × times / den`.
    Quotient {
        num: Decimal,
        times: Decimal,
        den: Decimal,
    },
}

impl Point {
    /// `num × times / den`; none for a missing numerator or a zero denominator.
    pub(crate) fn quotient(num: Option<Decimal>, times: Decimal, den: Decimal) -> Point {
        match num {
            Some(num) if !den.is_zero() => Point::Quotient { num, times, den },
            _ => Point::None,
        }
    }

    /// A value, if there is one.
    pub(crate) fn of(value: Option<Decimal>) -> Point {
        value.map_or(Point::None, Point::Value)
    }

    /// The value, to 28 digits.
    pub(crate) fn value(self) -> Option<Decimal> {
        match self {
            Point::None => None,
            Point::Value(v) => Some(v),
            Point::Quotient { num, times, den } => {
                let n = exact_mul(num, times).or_else(|| num.checked_mul(times))?;
                n.checked_div(den)
            }
        }
    }

    /// Whether the figure is exactly `v` (for a quotient, by `v × den = num × times`).
    fn is(self, v: Decimal) -> bool {
        if let Point::Quotient { num, times, den } = self {
            if let (Some(l), Some(r)) = (exact_mul(v, den), exact_mul(num, times)) {
                return l == r;
            }
        }
        self.value() == Some(v)
    }

    /// The figure in base units (or percent), in the stated figure's measure.
    pub(crate) fn in_measure(self, form: &Form) -> Point {
        let (divide, multiply) = match *form {
            Form::Quantity {
                shift: Some(exp), ..
            } => (shift10(Decimal::ONE, exp), None),
            Form::Quantity { scale: None, .. } => return Point::None,
            Form::Quantity { scale, .. } => (scale, None),
            Form::Rate { per_mille: true } => (None, Some(Decimal::TEN)),
            _ => return self,
        };
        match self {
            Point::None => Point::None,
            Point::Quotient { num, times, den } => {
                let den = divide.map_or(Some(den), |d| exact_mul(den, d));
                let times = multiply.map_or(Some(times), |m| exact_mul(times, m));
                match (den, times) {
                    (Some(den), Some(times)) => Point::Quotient { num, times, den },
                    _ => Point::of(self.value()).in_measure(form),
                }
            }
            Point::Value(v) => Point::of(match (divide, multiply) {
                (Some(d), _) => exact_div(v, d).or_else(|| v.checked_div(d)),
                (_, Some(m)) => exact_mul(v, m).or_else(|| v.checked_mul(m)),
                _ => Some(v),
            }),
        }
    }
}

/// What a rule hands to the judgement.
pub(crate) struct Case {
    pub(crate) rule: Rule,
    pub(crate) figures: Vec<Figure>,
    pub(crate) stated: Stated,
    /// The range the operands allow, in the stated measure, or why there is none.
    pub(crate) range: Result<Interval, Reason>,
    /// The value the operands as written give, in the stated measure.
    pub(crate) point: Point,
    /// The severity of an inconsistency (核实性 unless the rule makes it impossible).
    pub(crate) severity: Severity,
    /// Other bases the stated figure may have been computed on: (what, range).
    pub(crate) alternatives: Vec<(String, Interval)>,
}

impl Case {
    pub(crate) fn new(rule: Rule, figures: Vec<Figure>, stated: Stated) -> Case {
        Case {
            rule,
            figures,
            stated,
            range: Err(Reason::MissingOperand),
            point: Point::None,
            severity: Severity::Verify,
            alternatives: Vec::new(),
        }
    }
}

/// A finding that could not be checked.
pub(crate) fn not_checkable(
    rule: Rule,
    figures: Vec<Figure>,
    stated: Figure,
    reason: Reason,
) -> Finding {
    let mut f = Finding::new(rule, figures, stated, Verdict::NotCheckable);
    f.reason = Some(reason);
    f
}

/// Judges a case under `mode`.
pub(crate) fn judge(case: Case, mode: RoundingMode) -> Finding {
    let Case {
        rule,
        figures,
        stated,
        range,
        point,
        severity,
        alternatives,
    } = case;
    let range = match range {
        Ok(r) if r.lower().is_none() && r.upper().is_none() => Err(Reason::Unbounded),
        other => other,
    };
    let range = match range {
        Ok(r) => r,
        Err(reason) => {
            let mut f = not_checkable(rule, figures, stated.figure, reason);
            f.places = stated.places;
            return f;
        }
    };
    let mut finding = Finding::new(rule, figures, stated.figure, Verdict::Consistent);
    finding.allowed = Some(range);
    finding.expected = match point {
        Point::None => None,
        p => Some(stated.pending(p, mode)),
    };
    finding.places = stated.places;
    let bounded = range.lower().is_some() && range.upper().is_some();
    if bounded
        && stated.fixed.is_none_or(|f| f.is_point())
        && range.contains(stated.value)
        && point.is(stated.value)
    {
        finding.verdict = Verdict::Exact;
    } else if range.intersects(&stated.acceptance(mode)) {
        finding.verdict = Verdict::Consistent;
    } else if stated.fixed.is_none() && range.intersects(&stated.acceptance(RoundingMode::Truncate))
    {
        finding.verdict = Verdict::ConsistentIfTruncated;
        finding.severity = Some(Severity::Hint);
    } else {
        finding.verdict = Verdict::Inconsistent;
        finding.severity = Some(severity);
        let d = range.distance(stated.value);
        finding.imbalance = (!d.is_zero()).then_some(d.normalize());
        finding.hypothesis = hypothesis(&stated, &range, point, &alternatives, mode);
    }
    finding
}

/// The first hypothesis that explains an inconsistent stated figure.
fn hypothesis(
    stated: &Stated,
    range: &Interval,
    point: Point,
    alternatives: &[(String, Interval)],
    mode: RoundingMode,
) -> Option<Hypothesis> {
    if stated.fixed.is_some() {
        return None;
    }
    let fits = |v: Decimal| range.intersects(&Interval::rounding(v, stated.places, mode));
    let accepted = stated.acceptance(mode);
    if let Some((base, _)) = alternatives.iter().find(|(_, r)| r.intersects(&accepted)) {
        return Some(Hypothesis::WrongBase { base: base.clone() });
    }
    if let Some(likely) = transposed(stated.value).into_iter().find(|v| fits(*v)) {
        return Some(Hypothesis::Transposed {
            likely: stated.format(likely, mode),
        });
    }
    if let Form::Quantity {
        magnitude, unit, ..
    } = stated.form
    {
        for k in [4, -4, 8, -8] {
            let Some(other) = Magnitude::ALL
                .into_iter()
                .find(|m| m.exponent() == magnitude.exponent() + k)
            else {
                continue;
            };
            let slipped = shift10(Decimal::ONE, k).and_then(|f| accepted.scaled(f).ok());
            if slipped.is_some_and(|s| range.intersects(&s)) {
                return Some(Hypothesis::MagnitudeSlip {
                    likely: format!("{}{}{unit}", stated.value, other.as_str()),
                });
            }
        }
    }
    let x = point.value()?;
    let once = Rounding::new(stated.places).with_mode(mode);
    let twice = once.apply(Rounding::new(stated.places + 1).with_mode(mode).apply(x));
    (twice == stated.value && once.apply(x) != stated.value).then(|| Hypothesis::RoundedTwice {
        likely: stated.format(x, mode),
    })
}

/// The values with two adjacent digits of `v` swapped (107.42 → 170.42, 107.42, 104.72, 107.24).
fn transposed(v: Decimal) -> Vec<Decimal> {
    let digits: Vec<u8> = v.mantissa().unsigned_abs().to_string().into_bytes();
    let mut out = Vec::new();
    for i in 0..digits.len().saturating_sub(1) {
        if digits[i] == digits[i + 1] || (i == 0 && digits[i + 1] == b'0') {
            continue;
        }
        let mut swapped = digits.clone();
        swapped.swap(i, i + 1);
        let Ok(text) = String::from_utf8(swapped) else {
            continue;
        };
        let Ok(m) = text.parse::<i128>() else {
            continue;
        };
        let m = if v.is_sign_negative() { -m } else { m };
        if let Ok(d) = Decimal::try_from_i128_with_scale(m, v.scale()) {
            out.push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transpositions_keep_the_places() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            transposed(d("107.42")),
            [d("170.42"), d("104.72"), d("107.24")]
        );
        assert_eq!(transposed(d("-5.12")), [d("-1.52"), d("-5.21")]);
    }
}
