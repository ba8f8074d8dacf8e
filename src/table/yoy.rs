//! A row's year-on-year growth: published and recomputed, kept apart.

use std::fmt::{self, Write};

use crate::text::wording::{self, IMPLIED_NOMINAL, NONE, RECOMPUTED};
use crate::{Growth, GrowthFormat, Rate, Rounding};

/// A row's year-on-year growth: the published figure and the one recomputed from levels, kept
/// apart and never confused.
///
/// [`Yoy::growth`] is the figure to print: the published one when there is one; otherwise the
/// recomputed one, but only for indicators whose growth may be recomputed. For the others the
/// recomputed figure is only [`Yoy::implied_nominal`]. Display marks a recomputed figure
/// ("增长9.5%（推算）") and an implied nominal one ("增长6.3%（现价推算）").
///
/// # Examples
///
/// ```
/// use tongji::{Observation, Table};
/// let mut t = Table::new();
/// for (year, value) in [("2022年", "1250亿元"), ("2023年", "1301亿元")] {
///     t.insert(Observation::new("示例县", "地区生产总值", year.parse()?, value.parse()?))?;
/// }
/// let y = t.yoy("示例县", "地区生产总值", &"2023年".parse()?)?;
/// assert!(y.growth().is_none()); // GDP growth is published at comparable prices
/// assert_eq!(y.implied_nominal().unwrap().to_string(), "增长4.1%");
/// assert_eq!(y.to_string(), "增长4.1%（现价推算）");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Yoy {
    published: Option<Rate>,
    recomputed: Option<Growth>,
    recomputable: bool,
}

impl Yoy {
    pub(super) fn new(
        published: Option<Rate>,
        recomputed: Option<Growth>,
        recomputable: bool,
    ) -> Yoy {
        Yoy {
            published,
            recomputed,
            recomputable,
        }
    }

    /// The published rate, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{Observation, Table};
    /// # let mut t = Table::new();
    /// # t.insert(Observation::new("示例县", "gdp", "2022年".parse()?, "1250亿元".parse()?))?;
    /// # t.insert(Observation::new("示例县", "gdp", "2023年".parse()?, "1301亿元".parse()?).with_yoy("4.5%".parse()?))?;
    /// let y = t.yoy("示例县", "gdp", &"2023年".parse()?)?;
    /// assert_eq!(y.published().unwrap().to_string(), "4.5%"); // real growth, published
    /// assert_eq!(y.implied_nominal().unwrap().to_string(), "增长4.1%"); // what the levels give
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn published(&self) -> Option<Rate> {
        self.published
    }

    /// The growth recomputed from this year's and last year's levels, if both are there.
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{Observation, Table};
    /// # let mut t = Table::new();
    /// # t.insert(Observation::new("示例县", "retail", "2023年".parse()?, "120.5亿元".parse()?))?;
    /// let y = t.yoy("示例县", "retail", &"2023年".parse()?)?;
    /// assert!(y.recomputed().is_none()); // no 2022年 row
    /// assert_eq!(y.to_string(), "—");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn recomputed(&self) -> Option<Growth> {
        self.recomputed
    }

    /// The growth to print: published, else recomputed where the catalog allows it.
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{Observation, Table};
    /// # let mut t = Table::new();
    /// # t.insert(Observation::new("示例县", "retail", "2022年".parse()?, "110亿元".parse()?))?;
    /// # t.insert(Observation::new("示例县", "retail", "2023年".parse()?, "120.5亿元".parse()?))?;
    /// let y = t.yoy("示例县", "retail", &"2023年".parse()?)?;
    /// assert_eq!(y.growth().unwrap().to_string(), "增长9.5%");
    /// assert!(y.is_recomputed());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn growth(&self) -> Option<Growth> {
        match (self.published, self.recomputable) {
            (Some(p), _) => Some(Growth::Rate(p)),
            (None, true) => self.recomputed,
            (None, false) => None,
        }
    }

    /// Whether [`Yoy::growth`] is a recomputed figure rather than a published one.
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{Observation, Table};
    /// # let mut t = Table::new();
    /// # t.insert(Observation::new("示例县", "retail", "2022年".parse()?, "110亿元".parse()?))?;
    /// # t.insert(Observation::new("示例县", "retail", "2023年".parse()?, "120.5亿元".parse()?).with_yoy("9.6%".parse()?))?;
    /// let y = t.yoy("示例县", "retail", &"2023年".parse()?)?;
    /// assert!(!y.is_recomputed()); // the published 9.6% wins over the 9.5% the levels give
    /// assert_eq!(y.growth().unwrap().to_string(), "增长9.6%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_recomputed(&self) -> bool {
        self.published.is_none() && self.recomputable && self.recomputed.is_some()
    }

    /// Whether the catalog allows the growth to be recomputed from levels.
    pub(crate) fn is_recomputable(&self) -> bool {
        self.recomputable
    }

    /// For an indicator whose growth is published only: the nominal growth the levels imply,
    /// for comparison, never to be printed as the growth.
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{Observation, Table};
    /// # let mut t = Table::new();
    /// # t.insert(Observation::new("示例县", "retail", "2022年".parse()?, "110亿元".parse()?))?;
    /// # t.insert(Observation::new("示例县", "retail", "2023年".parse()?, "120.5亿元".parse()?))?;
    /// // 社会消费品零售总额 may be recomputed, so there is no "implied nominal" figure beside it.
    /// assert!(t.yoy("示例县", "retail", &"2023年".parse()?)?.implied_nominal().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn implied_nominal(&self) -> Option<Growth> {
        if self.recomputable {
            None
        } else {
            self.recomputed
        }
    }

    /// Writes the growth as Display does, with computed rates rounded by `rounding` (written ones
    /// stay as written).
    pub(crate) fn write(&self, w: &mut dyn Write, rounding: Option<Rounding>) -> fmt::Result {
        let format = |g: &Growth| match (g, rounding) {
            (Growth::Rate(r), Some(rounding)) if !r.is_written() => {
                GrowthFormat::new().rounding(rounding)
            }
            _ => GrowthFormat::new(),
        };
        if let Some(p) = self.published {
            let g = Growth::Rate(p);
            wording::write_growth(w, &g, &format(&g), None)
        } else if let Some(g) = self.recomputed {
            wording::write_growth(w, &g, &format(&g), None)?;
            w.write_str(if self.recomputable {
                RECOMPUTED
            } else {
                IMPLIED_NOMINAL
            })
        } else {
            w.write_str(NONE)
        }
    }
}

impl fmt::Display for Yoy {
    /// The published growth; a recomputed one marked （推算）; an implied nominal one marked
    /// （现价推算）; "—" when there is none.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::layout::write_padded(f, |w| self.write(w, None))
    }
}
