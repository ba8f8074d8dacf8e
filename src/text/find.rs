//! Finding the figures in running report text: every quantity, rate, 个百分点, 倍 and 成 with its
//! byte span and its text as printed, placeholders (X, XX, ○○) as placeholders, and no figures
//! out of words that only contain numerals (零售, 三次产业, 一体化), dates and periods (2023年,
//! 7月1日), ordinals (第一), document numbers (〔2021〕3号) or congress names (二十大).

use std::ops::Range;

use rust_decimal::Decimal;

use crate::{Magnitude, Multiple, PercentPoints, Quantity, Rate, Unit, UnitSpec};

/// A figure found in a text: where it is, how it was printed, and what it is.
///
/// # Examples
///
/// ```
/// use tongji::text::{self, FigureValue};
/// let s = "全县接待游客74.20万人次，同比增长11.8%，比上年提高2.3个百分点。";
/// let found: Vec<_> = text::figures(s).collect();
/// assert_eq!(found.len(), 3);
/// assert_eq!(&s[found[0].span()], "74.20万人次");
/// match found[0].value() {
///     FigureValue::Quantity(q) => assert_eq!(q.to_string(), "74.20万人次"), // two places kept
///     other => panic!("{other:?}"),
/// }
/// assert!(matches!(found[2].value(), FigureValue::Points(p) if p.to_string() == "2.3个百分点"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure<'a> {
    span: Range<usize>,
    text: &'a str,
    value: FigureValue,
}

impl<'a> Figure<'a> {
    /// The byte range of the figure in the text it was found in.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = "完成投资46596万元";
    /// let f = tongji::text::figures(s).next().unwrap();
    /// assert_eq!((f.span(), &s[f.span()]), (12..23, "46596万元"));
    /// ```
    #[must_use]
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The figure as printed ("１２３４．５万元", "百分之五点二", "X万人次").
    ///
    /// # Examples
    ///
    /// ```
    /// let f = tongji::text::figures("增幅达百分之五点二").next().unwrap();
    /// assert_eq!(f.text(), "百分之五点二");
    /// ```
    #[must_use]
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// What the figure is.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::text::FigureValue;
    /// let f = tongji::text::figures("约十五点八万人").next().unwrap();
    /// assert!(matches!(f.value(), FigureValue::Quantity(q) if q.to_string() == "约15.8万人"));
    /// ```
    #[must_use]
    pub fn value(&self) -> &FigureValue {
        &self.value
    }

    /// Whether the figure is a placeholder waiting to be filled (X万元, XX%).
    ///
    /// # Examples
    ///
    /// ```
    /// let found: Vec<_> = tongji::text::figures("完成X万元，增长XX%").collect();
    /// assert!(found.iter().all(|f| f.is_placeholder()));
    /// ```
    #[must_use]
    pub fn is_placeholder(&self) -> bool {
        matches!(self.value, FigureValue::Placeholder(_))
    }
}

/// What a found figure is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FigureValue {
    /// A quantity with its unit and magnitude (46596万元, 三项, 约3万人次).
    Quantity(Quantity),
    /// A rate (8.1%, 3.5‰, 百分之五点二, 两成 = 20%).
    Rate(Rate),
    /// 个百分点.
    Points(PercentPoints),
    /// 倍.
    Multiple(Multiple),
    /// A number with a magnitude and no unit ("56.7亿", "十五点八万"): the unit is the one of the
    /// indicator it is a figure of, which the text around it says.
    Bare {
        /// The number as written (56.7).
        value: Decimal,
        /// The magnitude written after it (亿).
        magnitude: Magnitude,
    },
    /// A ratio of parts as written ("11.0:42.3:46.7", "2.02:1"), each part with its printed
    /// places: a structure.
    Ratio(Vec<Decimal>),
    /// A placeholder (X, XX, XXX, ×, Ｘ, ○○, ＿＿) for a figure of this kind.
    Placeholder(Slot),
}

/// The kind of figure a placeholder stands for, from what follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Slot {
    /// A quantity in this unit ("X万元").
    Quantity(UnitSpec),
    /// A rate ("X%", "X‰").
    Rate,
    /// 个百分点 ("X个百分点").
    Points,
    /// 倍 ("X倍").
    Multiple,
    /// Nothing says ("XX" alone).
    Unknown,
}

/// Every figure in `text`, in order; see [`Figure`].
///
/// Found: quantities with magnitude and unit (2.85亿元, 46596万元, 101.2万公斤), with their
/// qualifiers (约, 近, 超, 逾, 不到, 余, 多, 以上, 左右); rates (%, ％, ‰), 个百分点, 倍, 成;
/// Chinese numerals (百分之五点二, 十五点八万人, 三项, 两成); fullwidth digits, 千分位 and U+2212
/// minus; placeholders. Not found: numbers without a unit, years and dates (2023年, 7月1日, 1—10月),
/// ordinals (第一, 第3位), document numbers (〔2021〕3号), 十九大 and 二十大, enumeration markers
/// (一是, 二是) and words that contain numerals (零售, 三次产业, 一体化, 统一, 一把手). The printed
/// precision is kept: "11.0%" is 11.0%. Time is linear in the text.
///
/// # Examples
///
/// ```
/// let s = "1至10月完成固定资产投资46596万元，同比增长8.1%，占年度任务数的105.9％。";
/// let found: Vec<&str> = tongji::text::figures(s).map(|f| f.text()).collect();
/// assert_eq!(found, ["46596万元", "8.1%", "105.9％"]);
/// let none: Vec<_> = tongji::text::figures("一是推进三次产业融合，二是统一零售市场，落实〔2021〕3号文件").collect();
/// assert!(none.is_empty());
/// ```
pub fn figures(text: &str) -> impl Iterator<Item = Figure<'_>> {
    Finder::new(text)
}

/// Chinese numeral digits.
fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn chinese_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_unit(c).is_some()
}

/// An ASCII or fullwidth digit.
fn digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_placeholder_mark(c: char) -> bool {
    matches!(c, 'X' | 'Ｘ' | '×' | '○' | '＿' | '_')
}

/// What may follow a number as the start of its suffix: magnitudes, qualifiers, %, 个百分点, 倍,
/// 成, and the first character of every unit.
fn suffix_start(c: char) -> bool {
    matches!(
        c,
        '%' | '％' | '‰' | '个' | '倍' | '成' | '余' | '多' | '十' | '百' | '千' | '万' | '亿'
    ) || unit_start(c)
}

fn unit_start(c: char) -> bool {
    crate::value::unit::first_chars(|first| first == c)
}

/// Characters after which a number is a period, a date, an ordinal or a name, not a figure.
fn ends_a_non_figure(c: char) -> bool {
    matches!(
        c,
        '年' | '月' | '日' | '号' | '时' | '届' | '大' | '中' | '是' | '级' | '批' | '季' | '岁'
    )
}

struct Finder<'a> {
    text: &'a str,
    /// Byte offset of each char, and the char.
    chars: Vec<(usize, char)>,
    i: usize,
}

impl<'a> Finder<'a> {
    fn new(text: &'a str) -> Finder<'a> {
        Finder {
            text,
            chars: text.char_indices().collect(),
            i: 0,
        }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|(_, c)| *c)
    }

    fn byte_at(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |(b, _)| *b)
    }

    fn slice(&self, from: usize, to: usize) -> &'a str {
        &self.text[self.byte_at(from)..self.byte_at(to)]
    }

    /// The end of an Arabic number starting at `i`: digits, thousands groups, one decimal part.
    fn arabic_end(&self, i: usize) -> usize {
        let mut j = i;
        while self.char_at(j).is_some_and(digit) {
            j += 1;
        }
        // 千分位: ",ddd" groups.
        while self.char_at(j) == Some(',')
            && (1..=3).all(|k| self.char_at(j + k).is_some_and(digit))
            && !self.char_at(j + 4).is_some_and(digit)
        {
            j += 4;
        }
        if matches!(self.char_at(j), Some('.' | '．')) && self.char_at(j + 1).is_some_and(digit) {
            j += 1;
            while self.char_at(j).is_some_and(digit) {
                j += 1;
            }
        }
        j
    }

    /// A Chinese numeral at `i` ("十五点八", "三万五千", "两"), as decimal text and its end. 万 and
    /// 亿 are read as part of the number only when another numeral follows them (三万五千);
    /// otherwise they are the figure's magnitude (十五点八万人).
    fn chinese_end(&self, i: usize) -> Option<(String, usize)> {
        let mut j = i;
        let mut total: u64 = 0;
        let mut section: u64 = 0;
        let mut number: Option<u64> = None;
        let mut plain = String::new(); // digits without units: 二〇二三
        let mut has_unit = false;
        while let Some(c) = self.char_at(j) {
            if let Some(d) = chinese_digit(c) {
                if number.is_some() && !has_unit {
                    plain.push(char::from(b'0' + u8::try_from(d).ok()?));
                } else {
                    plain.clear();
                    plain.push(char::from(b'0' + u8::try_from(d).ok()?));
                }
                number = Some(d);
            } else if let Some(u) = chinese_unit(c) {
                has_unit = true;
                section = section.checked_add(number.unwrap_or(1).checked_mul(u)?)?;
                number = None;
            } else if (c == '万' || c == '亿')
                && self.char_at(j + 1).is_some_and(is_chinese_numeral)
                && (number.is_some() || section > 0)
            {
                has_unit = true;
                let m: u64 = if c == '万' { 10_000 } else { 100_000_000 };
                total =
                    total.checked_add(section.checked_add(number.unwrap_or(0))?.checked_mul(m)?)?;
                section = 0;
                number = None;
            } else {
                break;
            }
            j += 1;
            if j - i > 24 {
                return None;
            }
        }
        if j == i {
            return None;
        }
        let integer = if has_unit {
            total
                .checked_add(section)?
                .checked_add(number.unwrap_or(0))?
        } else {
            plain.parse().ok()?
        };
        let mut text = integer.to_string();
        if self.char_at(j) == Some('点') && self.char_at(j + 1).and_then(chinese_digit).is_some() {
            text.push('.');
            j += 1;
            while let Some(d) = self.char_at(j).and_then(chinese_digit) {
                text.push(char::from(b'0' + u8::try_from(d).ok()?));
                j += 1;
            }
        }
        Some((text, j))
    }

    /// The figure whose number is `number` (normalized text), printed from `start` to
    /// `number_end`, with the longest suffix that makes it a figure.
    fn with_suffix(
        &self,
        start: usize,
        number_end: usize,
        number: &str,
        chinese: bool,
    ) -> Option<(usize, FigureValue)> {
        let next = self.char_at(number_end)?;
        if !suffix_start(next) {
            return None;
        }
        let rest = |len: usize| -> String {
            (number_end..number_end + len)
                .filter_map(|k| self.char_at(k))
                .collect()
        };
        // Rates, points, multiples and 成 first: they are short and fixed.
        for (word, kind) in [
            ("个百分点", 2u8),
            ("百分点", 2),
            ("%", 0),
            ("％", 0),
            ("‰", 1),
            ("倍", 3),
            ("成", 4),
        ] {
            let len = word.chars().count();
            if rest(len) != word {
                continue;
            }
            let text = format!("{number}{word}");
            let value = match kind {
                0 => text.parse::<Rate>().ok().map(FigureValue::Rate),
                1 => text.parse::<Rate>().ok().map(FigureValue::Rate),
                2 => text.parse::<PercentPoints>().ok().map(FigureValue::Points),
                3 => text.parse::<Multiple>().ok().map(FigureValue::Multiple),
                _ => {
                    // 两成 = 20%, 三成五 is not read: 成 counts tenths.
                    let tenths = number.parse::<Decimal>().ok()?;
                    if !(Decimal::ZERO..=Decimal::TEN).contains(&tenths) || tenths.scale() > 1 {
                        return None;
                    }
                    format!("{}%", tenths.checked_mul(Decimal::TEN)?)
                        .parse::<Rate>()
                        .ok()
                        .map(FigureValue::Rate)
                }
            }?;
            return Some((number_end + len, value));
        }
        // A quantity: the longest run of suffix characters that parses, with a qualifier prefix.
        let prefix = self.qualifier_before(start);
        let mut candidates = Vec::new();
        let mut k = number_end;
        while k < number_end + 10
            && self.char_at(k).is_some_and(|c| {
                !c.is_whitespace() && !matches!(c, '，' | '。' | '、' | '；' | ',' | ';' | '：')
            })
        {
            k += 1;
            candidates.push(k);
        }
        for &end in candidates.iter().rev() {
            let suffix = rest(end - number_end);
            if chinese && !chinese_unit_allowed(&suffix) {
                continue;
            }
            let text = format!("{}{number}{suffix}", prefix.map_or("", |(_, w)| w));
            if let Ok(q) = text.parse::<Quantity>() {
                if self.compound_word_follows(end, &suffix) {
                    return None;
                }
                return Some((end, FigureValue::Quantity(q)));
            }
        }
        // A magnitude without a unit: "56.7亿", "十五点八万".
        for m in crate::value::magnitude::BY_LENGTH {
            if !matches!(
                m,
                Magnitude::TenThousand | Magnitude::HundredMillion | Magnitude::Trillion
            ) {
                continue;
            }
            let len = m.as_str().chars().count();
            if rest(len) == m.as_str() {
                let value = crate::text::number::parse_decimal(number, "a number").ok()?;
                return Some((
                    number_end + len,
                    FigureValue::Bare {
                        value,
                        magnitude: m,
                    },
                ));
            }
        }
        None
    }

    /// A qualifier written just before the number at `start` (约, 近, 超, 逾, 不到), with its
    /// length in chars.
    fn qualifier_before(&self, start: usize) -> Option<(usize, &'static str)> {
        for word in ["不到", "约", "近", "超", "逾"] {
            let n = word.chars().count();
            if start >= n && self.slice(start - n, start) == word {
                return Some((n, word));
            }
        }
        None
    }

    /// Whether the unit just read is the start of a word ("三次产业", "两个确立" are not 3次, 2个).
    fn compound_word_follows(&self, end: usize, suffix: &str) -> bool {
        let next: String = (end..end + 2).filter_map(|k| self.char_at(k)).collect();
        matches!(
            (suffix, next.as_str()),
            ("次", "产业")
                | ("次", "全会")
                | ("个", "确立")
                | ("个", "维护")
                | ("个", "务必")
                | ("项", "规定")
                | ("条", "措施")
        )
    }

    fn next_figure(&mut self) -> Option<Figure<'a>> {
        while self.i < self.chars.len() {
            let i = self.i;
            let c = self.chars[i].1;
            let prev = if i > 0 { self.char_at(i - 1) } else { None };
            // Arabic numbers.
            if digit(c)
                && !prev
                    .is_some_and(|p| digit(p) || p == '.' || p == '．' || p.is_ascii_alphabetic())
            {
                let end = self.arabic_end(i);
                self.i = end;
                if prev == Some('第') || prev == Some('〔') || prev == Some('[') || self.in_title(i)
                {
                    continue;
                }
                if self.char_at(end).is_some_and(ends_a_non_figure)
                    || (matches!(
                        self.char_at(end),
                        Some('—' | '-' | '－' | '至' | '~' | '～')
                    ) && self.char_at(end + 1).is_some_and(digit))
                {
                    continue;
                }
                let signed = matches!(prev, Some('-' | '−' | '－'))
                    && !(i >= 2
                        && self
                            .char_at(i - 2)
                            .is_some_and(|p| digit(p) || p.is_alphanumeric() && !is_cjk(p)));
                let start = if signed { i - 1 } else { i };
                // "11.0:42.3:46.7": a ratio of parts.
                if matches!(self.char_at(end), Some(':' | '：'))
                    && self.char_at(end + 1).is_some_and(digit)
                {
                    if let Some(figure) = self.ratio(i) {
                        return Some(figure);
                    }
                }
                let number: String = (start..end)
                    .filter_map(|k| self.char_at(k))
                    .map(crate::text::number::normalize_char)
                    .filter(|c| *c != ',')
                    .collect();
                if let Some(figure) = self.figure(start, end, &number, false) {
                    return Some(figure);
                }
                continue;
            }
            // 百分之五点二.
            if c == '百' && self.slice(i, i + 3) == "百分之" {
                if let Some((number, end)) = self.chinese_end(i + 3) {
                    self.i = end;
                    if let Ok(r) = format!("{number}%").parse::<Rate>() {
                        return Some(Figure {
                            span: self.byte_at(i)..self.byte_at(end),
                            text: self.slice(i, end),
                            value: FigureValue::Rate(r),
                        });
                    }
                    continue;
                }
            }
            // Chinese numerals, not inside a word of numerals or after 第.
            if (chinese_digit(c).is_some() || c == '十')
                && !prev.is_some_and(|p| {
                    is_chinese_numeral(p) || matches!(p, '第' | '初' | '周' | '每')
                })
                && !self.in_quotes(i)
            {
                if let Some((number, end)) = self.chinese_end(i) {
                    self.i = end.max(i + 1);
                    if self.char_at(end).is_some_and(ends_a_non_figure)
                        || self.char_at(end) == Some('是')
                    {
                        continue;
                    }
                    if let Some(figure) = self.figure(i, end, &number, true) {
                        return Some(figure);
                    }
                    continue;
                }
            }
            // Placeholders.
            if is_placeholder_mark(c) && !prev.is_some_and(|p| p.is_ascii_alphanumeric()) {
                let run = self.placeholder_run(i);
                let after = self.char_at(i + run);
                let word = after.is_some_and(|a| a.is_ascii_alphanumeric());
                if run > 0
                    && !word
                    && (c != '_' || run > 1)
                    && (c != '×' || run > 1 || after.is_some_and(suffix_start))
                {
                    let (end, slot) = self.slot(i + run);
                    self.i = end;
                    // "XX县", "XX公司": a name waiting to be filled, not a figure.
                    if slot == Slot::Unknown && after.is_some_and(is_cjk) {
                        continue;
                    }
                    return Some(Figure {
                        span: self.byte_at(i)..self.byte_at(end),
                        text: self.slice(i, end),
                        value: FigureValue::Placeholder(slot),
                    });
                }
                self.i = i + run.max(1);
                continue;
            }
            self.i = i + 1;
        }
        None
    }

    /// The figure at `start..number_end` with its suffix, a qualifier before it included.
    fn figure(
        &mut self,
        start: usize,
        number_end: usize,
        number: &str,
        chinese: bool,
    ) -> Option<Figure<'a>> {
        let (end, value) = self.with_suffix(start, number_end, number, chinese)?;
        self.i = end;
        let from = match (&value, self.qualifier_before(start)) {
            (FigureValue::Quantity(q), Some((n, _))) if q.qualifier().is_some() => start - n,
            _ => start,
        };
        Some(Figure {
            span: self.byte_at(from)..self.byte_at(end),
            text: self.slice(from, end),
            value,
        })
    }

    /// Whether `i` is inside “quotes” opened in the same sentence: "“五项制度”", "“办好一件事”" are
    /// names and slogans, and a Chinese numeral in them is not a figure.
    fn in_quotes(&self, i: usize) -> bool {
        for k in (i.saturating_sub(40)..i).rev() {
            match self.char_at(k) {
                Some('“' | '「' | '《') => return true,
                Some('”' | '」' | '》' | '。' | '！' | '？' | '\n') => return false,
                _ => {}
            }
        }
        false
    }

    /// Whether `i` is inside a 《title》 opened in the same sentence ("《XX文明18条》").
    fn in_title(&self, i: usize) -> bool {
        for k in (i.saturating_sub(40)..i).rev() {
            match self.char_at(k) {
                Some('《') => return true,
                Some('》' | '。' | '！' | '？' | '\n') => return false,
                _ => {}
            }
        }
        false
    }

    /// A ratio starting at `i`: numbers joined by ':' ("25.72:26.84:47.44").
    fn ratio(&mut self, i: usize) -> Option<Figure<'a>> {
        let mut parts = Vec::new();
        let mut j = i;
        loop {
            let end = self.arabic_end(j);
            let number: String = (j..end)
                .filter_map(|k| self.char_at(k))
                .map(crate::text::number::normalize_char)
                .filter(|c| *c != ',')
                .collect();
            parts.push(Decimal::from_str_exact(&number).ok()?);
            if matches!(self.char_at(end), Some(':' | '：'))
                && self.char_at(end + 1).is_some_and(digit)
            {
                j = end + 1;
            } else {
                self.i = end;
                return Some(Figure {
                    span: self.byte_at(i)..self.byte_at(end),
                    text: self.slice(i, end),
                    value: FigureValue::Ratio(parts),
                });
            }
        }
    }

    /// The length of a placeholder at `i`: marks, with a decimal part ("XX.X").
    fn placeholder_run(&self, i: usize) -> usize {
        let mut j = i;
        while self.char_at(j).is_some_and(is_placeholder_mark) {
            j += 1;
        }
        if j > i
            && matches!(self.char_at(j), Some('.' | '．'))
            && self.char_at(j + 1).is_some_and(is_placeholder_mark)
        {
            j += 1;
            while self.char_at(j).is_some_and(is_placeholder_mark) {
                j += 1;
            }
        }
        j - i
    }

    /// What a placeholder ending at `at` stands for, from the suffix there.
    fn slot(&self, at: usize) -> (usize, Slot) {
        let rest =
            |len: usize| -> String { (at..at + len).filter_map(|k| self.char_at(k)).collect() };
        for (word, slot) in [
            ("个百分点", Slot::Points),
            ("百分点", Slot::Points),
            ("%", Slot::Rate),
            ("％", Slot::Rate),
            ("‰", Slot::Rate),
            ("倍", Slot::Multiple),
        ] {
            let len = word.chars().count();
            if rest(len) == word {
                return (at + len, slot);
            }
        }
        for len in (1..=6).rev() {
            let suffix = rest(len);
            // A unit parse trims white space: "次\r\n" would take the line break into the figure.
            if suffix.chars().count() < len || suffix.chars().any(char::is_whitespace) {
                continue;
            }
            if let Ok(spec) = suffix.parse::<UnitSpec>() {
                return (at + len, Slot::Quantity(spec));
            }
            // "X余户": a qualifier between.
            if let Some(unit) = suffix.strip_prefix(['余', '多']) {
                if let Ok(spec) = unit.parse::<UnitSpec>() {
                    return (at + len, Slot::Quantity(spec));
                }
            }
        }
        (at, Slot::Unknown)
    }
}

/// A CJK ideograph (a sign after one is a minus, not a hyphen between words).
fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The units a Chinese numeral may take in report text (三项, 两成, 五万元); 个 only as
/// 个百分点, which is read before.
fn chinese_unit_allowed(suffix: &str) -> bool {
    let unit = crate::value::magnitude::BY_LENGTH
        .iter()
        .find_map(|m: &Magnitude| suffix.strip_prefix(m.as_str()))
        .unwrap_or(suffix);
    let unit = unit.trim_start_matches(['余', '多']).trim_end_matches("余");
    !unit.starts_with(['个', '方']) && Unit::lookup(unit.trim_end_matches(['余', '多'])).is_some()
        || suffix.ends_with("以上")
        || suffix.ends_with("左右")
}

impl<'a> Iterator for Finder<'a> {
    type Item = Figure<'a>;

    fn next(&mut self) -> Option<Figure<'a>> {
        self.next_figure()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<&str> {
        figures(s).map(|f| f.text()).collect()
    }

    #[test]
    fn report_figures_are_found_as_printed() {
        assert_eq!(
            found("完成2.85亿元，其中46596万元，产量101.2万公斤，游客74.20万人次，面积3.5万亩。"),
            [
                "2.85亿元",
                "46596万元",
                "101.2万公斤",
                "74.20万人次",
                "3.5万亩"
            ]
        );
        assert_eq!(
            found("增长11.0%，快于序时进度0.9个百分点，是上年的1.79倍"),
            ["11.0%", "0.9个百分点", "1.79倍"]
        );
        assert_eq!(
            found("投资１２３４．５万元，达1,234.5万元，下降−2.3%"),
            ["１２３４．５万元", "1,234.5万元", "−2.3%"]
        );
        assert_eq!(
            found("约3万人次，5500余户，1000万元以上，近2万亩，不到1000元"),
            [
                "约3万人次",
                "5500余户",
                "1000万元以上",
                "近2万亩",
                "不到1000元"
            ]
        );
    }

    #[test]
    fn ratios_are_structures() {
        assert_eq!(
            found("三次产业结构为11.0:42.3:46.7，城乡收入比2.02：1"),
            ["11.0:42.3:46.7", "2.02：1"]
        );
        let parts: Vec<_> = figures("结构为11.0:42.3:46.7")
            .map(|f| f.value().clone())
            .collect();
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            parts,
            [FigureValue::Ratio(vec![d("11.0"), d("42.3"), d("46.7")])]
        );
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(
            found("增长百分之五点二，约十五点八万人，完成三项，占两成"),
            ["百分之五点二", "约十五点八万人", "三项", "两成"]
        );
        let values: Vec<String> = figures("百分之五点二，十五点八万人，三项，两成，三万五千元")
            .map(|f| match f.value() {
                FigureValue::Quantity(q) => q.to_string(),
                FigureValue::Rate(r) => r.to_string(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(values, ["5.2%", "15.8万人", "3项", "20%", "35000元"]);
        let bare: Vec<_> = figures("生产总值56.7亿，人口十五点八万")
            .map(|f| f.value().clone())
            .collect();
        assert_eq!(
            bare,
            [
                FigureValue::Bare {
                    value: "56.7".parse().unwrap(),
                    magnitude: Magnitude::HundredMillion
                },
                FigureValue::Bare {
                    value: "15.8".parse().unwrap(),
                    magnitude: Magnitude::TenThousand
                },
            ]
        );
    }

    #[test]
    fn words_dates_and_names_are_not_figures() {
        for s in [
            "零售",
            "三次产业",
            "一体化",
            "统一",
            "一是",
            "四是",
            "第一",
            "2023年",
            "7月1日",
            "〔2021〕3号",
            "十九大",
            "二十大",
            "1—10月",
            "1至10月",
            "截至9月底",
            "一把手",
            "两个确立",
            "两个维护",
            "第3位",
            "2023年度",
            "十四五",
            "三季度",
            "Excel",
            "XML",
            "每一项改革",
            "“五项制度”",
            "“办好一件事”",
            "四方面改革",
            "中央八项规定",
            "XX县",
            "XX公司",
        ] {
            assert!(found(s).is_empty(), "{s}: {:?}", found(s));
        }
    }

    #[test]
    fn placeholders_are_placeholders() {
        let found: Vec<(String, Slot)> =
            figures("完成X万元，增长XX%，提高X.X个百分点，XXX户，××亿元，○○项，＿＿倍，XX")
                .map(|f| match f.value() {
                    FigureValue::Placeholder(slot) => (f.text().to_string(), *slot),
                    other => panic!("{other:?}"),
                })
                .collect();
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "X万元",
                "XX%",
                "X.X个百分点",
                "XXX户",
                "××亿元",
                "○○项",
                "＿＿倍",
                "XX"
            ]
        );
        assert_eq!(found[0].1, Slot::Quantity("万元".parse().unwrap()));
        assert_eq!(found[1].1, Slot::Rate);
        assert_eq!(found[2].1, Slot::Points);
        assert_eq!(found[7].1, Slot::Unknown);
    }

    #[test]
    fn spans_are_byte_ranges_of_the_text() {
        let s = "1至10月完成固定资产投资46596万元，同比增长8.1%，占年度任务数的105.9％。";
        for f in figures(s) {
            assert_eq!(&s[f.span()], f.text());
        }
    }
}
