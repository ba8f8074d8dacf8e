//! Physical line numbers for the CSV readers: the csv crate counts a CRLF, a lone CR or a blank
//! line differently from an editor, so the readers count lines themselves, from the bytes.
//!
//! A line ends at "\n", "\r\n" or a lone "\r". [`Counting`] wraps the input and records where each
//! non-blank line starts; [`Lines::line_at`] then gives the line on which the first record read
//! from a byte offset begins (the csv reader's offsets may sit on a terminator or a blank line
//! before the record).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Read};
use std::rc::Rc;

/// What the counter has seen: the starts of the non-blank lines not yet asked about.
#[derive(Debug, Default)]
pub(crate) struct Lines {
    /// Bytes seen so far.
    offset: u64,
    /// The number of the line the next byte is on.
    line: u64,
    /// The next byte starts a line.
    at_start: bool,
    /// The last byte was a '\r' (a following '\n' belongs to it).
    after_cr: bool,
    /// (byte, line) of each non-blank line start, in order.
    starts: VecDeque<(u64, u64)>,
}

impl Lines {
    fn new() -> Lines {
        Lines {
            line: 1,
            at_start: true,
            ..Lines::default()
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        let mut from = 0;
        for end in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            self.content(from, end);
            let lf_of_crlf = bytes[end] == b'\n' && self.after_cr && from == end;
            if !lf_of_crlf {
                self.line += 1;
            }
            self.after_cr = bytes[end] == b'\r';
            self.at_start = true;
            from = end + 1;
        }
        self.content(from, bytes.len());
        self.offset += bytes.len() as u64;
    }

    /// Bytes `from..to` of the chunk being fed hold no terminator: the start of a line, if it is one.
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

    /// The (line, byte) of the first non-blank line starting at or after `offset`; earlier
    /// starts are forgotten (records are asked about in order).
    pub(crate) fn line_at(&mut self, offset: u64) -> Option<(u64, u64)> {
        while self.starts.front().is_some_and(|(b, _)| *b < offset) {
            self.starts.pop_front();
        }
        self.starts.front().map(|&(b, l)| (l, b))
    }
}

/// A reader that counts the lines of what passes through it.
pub(crate) struct Counting<R> {
    inner: R,
    lines: Rc<RefCell<Lines>>,
}

impl<R: Read> Counting<R> {
    /// `inner`, counted; the second value answers where lines start.
    pub(crate) fn new(inner: R) -> (Counting<R>, Rc<RefCell<Lines>>) {
        let lines = Rc::new(RefCell::new(Lines::new()));
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
        self.lines.borrow_mut().feed(&buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str, chunk: usize) -> Vec<(u64, u64)> {
        let mut lines = Lines::new();
        for piece in text.as_bytes().chunks(chunk) {
            lines.feed(piece);
        }
        lines.starts.into_iter().map(|(b, l)| (l, b)).collect()
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
        let mut lines = Lines::new();
        lines.feed(b"h\r\na\r\n\r\nb\r\n");
        assert_eq!(lines.line_at(0), Some((1, 0)));
        assert_eq!(lines.line_at(5), Some((4, 8))); // from the '\n' of a's CRLF, past the blank line
        assert_eq!(lines.line_at(9), None);
    }
}
