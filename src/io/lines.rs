//! Physical line numbers and quoting for the CSV readers. The csv crate counts a CRLF, a lone CR
//! or a blank line differently from an editor, and reads an unclosed quote silently to the end of
//! the file; the readers count lines and track quotes themselves, from the bytes.
//!
//! A line ends at "\n", "\r\n" or a lone "\r". [`Counting`] wraps the input and records where each
//! non-blank line starts; [`Lines::line_at`] then gives the line on which the first record read
//! from a byte offset begins (the csv reader's offsets may sit on a terminator or a blank line
//! before the record). A quote opens a quoted field only at the start of a field, as in the csv
//! crate; [`Lines::unclosed_quote`] says where a quote that never closed was opened.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Read};
use std::rc::Rc;

/// What the counter has seen.
#[derive(Debug)]
pub(crate) struct Lines {
    /// The field delimiter.
    delimiter: u8,
    /// Bytes seen so far.
    offset: u64,
    /// The number of the line the next byte is on.
    line: u64,
    /// The next byte starts a line.
    at_start: bool,
    /// The last byte was a '\r' (a following '\n' belongs to it).
    after_cr: bool,
    /// The last byte seen (a quote opens a field only after a delimiter or a line break).
    last: Option<u8>,
    /// Inside a quoted field, opened at (byte, line).
    open_quote: Option<(u64, u64)>,
    /// Inside a quoted field, a quote at this byte may have closed it (or begin a "" escape).
    maybe_closed: Option<u64>,
    /// The input is exhausted.
    eof: bool,
    /// (byte, line) of each non-blank line start not yet asked about, in order.
    starts: VecDeque<(u64, u64)>,
}

impl Lines {
    fn new(delimiter: u8) -> Lines {
        Lines {
            delimiter,
            offset: 0,
            line: 1,
            at_start: true,
            after_cr: false,
            last: None,
            open_quote: None,
            maybe_closed: None,
            eof: false,
            starts: VecDeque::new(),
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        let mut from = 0;
        for at in memchr::memchr3_iter(b'\n', b'\r', b'"', bytes) {
            self.content(from, at);
            let byte = bytes[at];
            if byte == b'"' {
                let before = if at > 0 {
                    Some(bytes[at - 1])
                } else {
                    self.last
                };
                self.quote(self.offset + at as u64, before);
                self.at_start = false;
                self.after_cr = false;
            } else {
                let lf_of_crlf = byte == b'\n' && self.after_cr && from == at;
                if !lf_of_crlf {
                    self.line += 1;
                }
                self.after_cr = byte == b'\r';
                self.at_start = true;
            }
            from = at + 1;
        }
        self.content(from, bytes.len());
        if let Some(&b) = bytes.last() {
            self.last = Some(b);
        }
        self.offset += bytes.len() as u64;
    }

    /// Bytes `from..to` of the chunk being fed hold no terminator or quote: the start of a line,
    /// if it is one.
    fn content(&mut self, from: usize, to: usize) {
        if from < to {
            if self.at_start {
                self.starts
                    .push_back((self.offset + from as u64, self.line));
                self.at_start = false;
            }
            self.after_cr = false;
        }
    }

    /// A quote at `offset`, after the byte `before`.
    fn quote(&mut self, offset: u64, before: Option<u8>) {
        if self.at_start {
            self.starts.push_back((offset, self.line));
        }
        if self.open_quote.is_some() {
            match self.maybe_closed {
                // "" inside quotes: an escaped quote, still quoted.
                Some(c) if c + 1 == offset => {
                    self.maybe_closed = None;
                    return;
                }
                // The earlier quote did close the field; this one stands outside quotes.
                Some(_) => {
                    self.open_quote = None;
                    self.maybe_closed = None;
                }
                None => {
                    self.maybe_closed = Some(offset);
                    return;
                }
            }
        }
        let field_start = before.is_none_or(|b| b == self.delimiter || b == b'\n' || b == b'\r');
        if field_start {
            self.open_quote = Some((offset, self.line));
        }
    }

    /// The (line, byte) of the first non-blank line starting at or after `offset`; earlier
    /// starts are forgotten (records are asked about in order).
    pub(crate) fn line_at(&mut self, offset: u64) -> Option<(u64, u64)> {
        while self.starts.front().is_some_and(|(b, _)| *b < offset) {
            self.starts.pop_front();
        }
        self.starts.front().map(|&(b, l)| (l, b))
    }

    /// At the end of the input: the (line, byte) where a quote that never closed was opened.
    pub(crate) fn unclosed_quote(&self) -> Option<(u64, u64)> {
        match (self.eof, self.open_quote, self.maybe_closed) {
            (true, Some((byte, line)), None) => Some((line, byte)),
            _ => None,
        }
    }
}

/// A reader that counts the lines of what passes through it.
pub(crate) struct Counting<R> {
    inner: R,
    lines: Rc<RefCell<Lines>>,
}

impl<R: Read> Counting<R> {
    /// `inner`, counted for a CSV with `delimiter`; the second value answers where lines start.
    ///
    /// `inner` as the rest of a file from byte `offset`, at the start of line `line` (a whole file
    /// from line 1, byte 0).
    pub(crate) fn from(
        inner: R,
        delimiter: u8,
        line: u64,
        offset: u64,
    ) -> (Counting<R>, Rc<RefCell<Lines>>) {
        let lines = Rc::new(RefCell::new(Lines {
            line,
            offset,
            ..Lines::new(delimiter)
        }));
        (
            Counting {
                inner,
                lines: Rc::clone(&lines),
            },
            lines,
        )
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut lines = self.lines.borrow_mut();
        if n == 0 && !buf.is_empty() {
            lines.eof = true;
        }
        lines.feed(&buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fed(text: &str, chunk: usize) -> Lines {
        let mut lines = Lines::new(b',');
        for piece in text.as_bytes().chunks(chunk) {
            lines.feed(piece);
        }
        lines.eof = true;
        lines
    }

    fn starts(text: &str, chunk: usize) -> Vec<(u64, u64)> {
        fed(text, chunk)
            .starts
            .into_iter()
            .map(|(b, l)| (l, b))
            .collect()
    }

    #[test]
    fn every_terminator_ends_one_line_and_blank_lines_count() {
        for chunk in [1, 2, 3, 100] {
            assert_eq!(starts("h\na\n\nb\n", chunk), [(1, 0), (2, 2), (4, 5)]);
            assert_eq!(
                starts("h\r\na\r\n\r\nb\r\n", chunk),
                [(1, 0), (2, 3), (4, 8)]
            );
            assert_eq!(starts("h\ra\r\rb", chunk), [(1, 0), (2, 2), (4, 5)]);
            assert_eq!(
                starts("h\n\"x\ny\"\nb", chunk),
                [(1, 0), (2, 2), (3, 5), (4, 8)]
            );
        }
    }

    #[test]
    fn a_record_begins_at_the_first_non_blank_line_from_its_offset() {
        let mut lines = Lines::new(b',');
        lines.feed(b"h\r\na\r\n\r\nb\r\n");
        assert_eq!(lines.line_at(0), Some((1, 0)));
        assert_eq!(lines.line_at(5), Some((4, 8))); // from the '\n' of a's CRLF, past the blank line
        assert_eq!(lines.line_at(9), None);
    }

    #[test]
    fn quotes_open_at_field_starts_and_escape_in_pairs() {
        for chunk in [1, 2, 5, 100] {
            let unclosed = |text: &str| fed(text, chunk).unclosed_quote();
            assert_eq!(unclosed("a,\"b\",c\n"), None);
            assert_eq!(unclosed("a,\"b\"\"x\",c\n"), None); // an escaped quote
            assert_eq!(unclosed("a,\"\"\n"), None); // an empty quoted field
            assert_eq!(unclosed("a,他说\"好,c\n"), None); // a quote inside a field is literal
            assert_eq!(unclosed("h\n\"示例县,gdp\nb,c\n"), Some((2, 2)));
            assert_eq!(unclosed("h\na,\"b\"\"\nc\n"), Some((2, 4))); // "" escapes, never closes
        }
    }
}
