//! Reading what the network sends before yrs sees it (#22). Bytes from a sync server or a peer
//! are hostile until proven otherwise, and yrs 0.28 trusts them in ways that kill a wasm app:
//! its cursor adds a declared length to its position unchecked (with 32-bit `usize` a length
//! of `FD FF FF FF 0F` wraps and the slice panics), it decodes nested values recursively (a
//! deep nesting overflows the stack), it reserves what a count declares, and its array iterator
//! loops forever over a text item inside an array. So every frame is read here, with every
//! length checked against what is left, and every update is read whole and refused unless it is
//! made of what a plan document holds: maps, arrays, plain values and deletions.
//!
//! The encoding is lib0's (variable-length unsigned integers, 7 bits a byte, low bits first),
//! and an update is Yjs's v1 update: the new structs of each writer, then the deletions.

use thiserror::Error;

/// Bytes that are not a message, or not an update this client accepts.
#[derive(Clone, Copy, Debug, Error, PartialEq, Eq)]
#[error("bytes this client cannot read")]
pub struct Malformed;

type Read<T> = Result<T, Malformed>;

/// A reader over received bytes that never reads past their end.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    /// Bytes not read yet.
    pub fn left(&self) -> usize {
        self.bytes.len() - self.at
    }

    /// Whether everything was read.
    pub fn done(&self) -> bool {
        self.left() == 0
    }

    /// One byte.
    pub fn byte(&mut self) -> Read<u8> {
        let b = *self.bytes.get(self.at).ok_or(Malformed)?;
        self.at += 1;
        Ok(b)
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: u64) -> Read<&'a [u8]> {
        if n > self.left() as u64 {
            return Err(Malformed);
        }
        let n = n as usize;
        let out = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(out)
    }

    /// A variable-length unsigned integer (at most 64 bits).
    pub fn uint(&mut self) -> Read<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let bits = u64::from(b & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(Malformed);
            }
            value |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(Malformed)
    }

    /// A count of things that each take at least one byte: more than the bytes left is a lie.
    pub fn count(&mut self) -> Read<u64> {
        let n = self.uint()?;
        if n > self.left() as u64 {
            return Err(Malformed);
        }
        Ok(n)
    }

    /// A length-prefixed byte string.
    pub fn buf(&mut self) -> Read<&'a [u8]> {
        let n = self.uint()?;
        self.take(n)
    }

    /// A length-prefixed UTF-8 string.
    pub fn string(&mut self) -> Read<&'a str> {
        std::str::from_utf8(self.buf()?).map_err(|_| Malformed)
    }

    /// A variable-length signed integer (lib0's: a sign bit in the first byte).
    fn int(&mut self) -> Read<()> {
        let mut b = self.byte()?;
        let mut shift = 6;
        while b & 0x80 != 0 {
            if shift > 63 {
                return Err(Malformed);
            }
            b = self.byte()?;
            shift += 7;
        }
        Ok(())
    }
}

/// Yjs client ids are 53-bit (a JavaScript number); yrs's bookkeeping assumes so.
const MAX_CLIENT: u64 = (1 << 53) - 1;
/// Clocks are 32-bit in yrs; a writer's clock beyond this is no real edit history.
const MAX_CLOCK: u64 = u32::MAX as u64;
/// How deep a plain value nests. A plan's values are flat (a text, a number, a list of texts);
/// a depth beyond this is an attack on the recursive decoder, not a plan.
const MAX_DEPTH: u32 = 16;

/// Checks a sync update (v1) the way yrs will read it, and refuses it unless every length is
/// within the bytes, nothing trails, each writer appears once with no gap inside its range, and
/// its content is maps, arrays, plain values, deleted ranges or collected garbage.
pub fn check_update(bytes: &[u8]) -> Read<()> {
    let mut r = Reader::new(bytes);
    let writers = r.count()?;
    let mut seen = Vec::new();
    for _ in 0..writers {
        let structs = r.count()?;
        let client = r.uint()?;
        let mut clock = r.uint()?;
        if client > MAX_CLIENT || seen.contains(&client) {
            return Err(Malformed);
        }
        seen.push(client);
        for _ in 0..structs {
            clock = clock.checked_add(check_struct(&mut r)?).ok_or(Malformed)?;
            if clock > MAX_CLOCK {
                return Err(Malformed);
            }
        }
    }
    check_deletions(&mut r)?;
    if r.done() {
        Ok(())
    } else {
        Err(Malformed)
    }
}

/// Checks a state vector (sync step 1): pairs of writer and clock.
pub fn check_state_vector(bytes: &[u8]) -> Read<()> {
    let mut r = Reader::new(bytes);
    for _ in 0..r.count()? {
        if r.uint()? > MAX_CLIENT || r.uint()? > MAX_CLOCK {
            return Err(Malformed);
        }
    }
    if r.done() {
        Ok(())
    } else {
        Err(Malformed)
    }
}

const HAS_ORIGIN: u8 = 0x80;
const HAS_RIGHT_ORIGIN: u8 = 0x40;
const HAS_PARENT_SUB: u8 = 0x20;

/// Content kinds (the low five bits of a struct's first byte).
const GC: u8 = 0;
const DELETED: u8 = 1;
const TYPE: u8 = 7;
const ANY: u8 = 8;
/// Type kinds of a nested shared type: the only two a plan document has.
const ARRAY: u64 = 0;
const MAP: u64 = 1;

/// One struct; its length in clock ticks.
fn check_struct(r: &mut Reader) -> Read<u64> {
    let info = r.byte()?;
    let kind = info & 0x1f;
    if kind == GC {
        return positive(r.uint()?);
    }
    if info & HAS_ORIGIN != 0 {
        check_id(r)?;
    }
    if info & HAS_RIGHT_ORIGIN != 0 {
        check_id(r)?;
    }
    if info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN) == 0 {
        match r.uint()? {
            // The parent is a root type, by name.
            1 => {
                r.string()?;
            }
            // The parent is a nested type, by the id of the item that holds it.
            0 => check_id(r)?,
            _ => return Err(Malformed),
        }
        if info & HAS_PARENT_SUB != 0 {
            r.string()?;
        }
    }
    match kind {
        DELETED => positive(r.uint()?),
        TYPE => match r.uint()? {
            ARRAY | MAP => Ok(1),
            // Texts, XML and the rest: nothing of a plan, and a text inside an array loops
            // yrs 0.28's iterator forever.
            _ => Err(Malformed),
        },
        ANY => {
            let n = positive(r.count()?)?;
            for _ in 0..n {
                check_any(r, 0)?;
            }
            Ok(n)
        }
        // Strings, embeds, formats, binaries, sub-documents, moves, skips (a gap): no plan
        // document holds them.
        _ => Err(Malformed),
    }
}

fn positive(n: u64) -> Read<u64> {
    if n == 0 || n > MAX_CLOCK {
        Err(Malformed)
    } else {
        Ok(n)
    }
}

fn check_id(r: &mut Reader) -> Read<()> {
    if r.uint()? > MAX_CLIENT || r.uint()? > MAX_CLOCK {
        return Err(Malformed);
    }
    Ok(())
}

/// One plain value (lib0's `writeAny`).
fn check_any(r: &mut Reader, depth: u32) -> Read<()> {
    if depth > MAX_DEPTH {
        return Err(Malformed);
    }
    match r.byte()? {
        // undefined, null, false, true
        127 | 126 | 121 | 120 => Ok(()),
        125 => r.int(),
        124 => r.take(4).map(drop),
        123 | 122 => r.take(8).map(drop),
        119 => r.string().map(drop),
        118 => {
            for _ in 0..r.count()? {
                r.string()?;
                check_any(r, depth + 1)?;
            }
            Ok(())
        }
        117 => {
            for _ in 0..r.count()? {
                check_any(r, depth + 1)?;
            }
            Ok(())
        }
        116 => r.buf().map(drop),
        _ => Err(Malformed),
    }
}

/// The delete set: for each writer, ranges of its clock.
fn check_deletions(r: &mut Reader) -> Read<()> {
    for _ in 0..r.count()? {
        if r.uint()? > MAX_CLIENT {
            return Err(Malformed);
        }
        for _ in 0..r.count()? {
            let clock = r.uint()?;
            let len = r.uint()?;
            if clock.checked_add(len).is_none_or(|end| end > MAX_CLOCK) {
                return Err(Malformed);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_past_the_end_are_refused_on_any_word_size() {
        // Guards: the frame that wraps yrs's cursor on wasm32 (a length of 2^32 - 3 after one
        // byte) is an error here, on 64-bit as on 32-bit.
        let mut r = Reader::new(&[0x01, 0xFD, 0xFF, 0xFF, 0xFF, 0x0F, b'x']);
        assert_eq!(r.byte(), Ok(1));
        assert_eq!(r.buf(), Err(Malformed));
        // An integer longer than 64 bits, and one that ends before its last byte.
        assert_eq!(Reader::new(&[0xFF; 11]).uint(), Err(Malformed));
        assert_eq!(Reader::new(&[0x80]).uint(), Err(Malformed));
        // 300 = 0b10_0101100: 0xAC then 0x02.
        assert_eq!(Reader::new(&[0xAC, 0x02]).uint(), Ok(300));
        // A count larger than the bytes left cannot be true (each thing takes a byte).
        assert_eq!(Reader::new(&[5, 1, 2]).count(), Err(Malformed));
    }

    fn update_of(f: impl FnOnce(&mut yrs::TransactionMut)) -> Vec<u8> {
        use yrs::{Doc, ReadTxn, StateVector, Transact};
        let doc = Doc::with_client_id(7);
        {
            let mut txn = doc.transact_mut();
            f(&mut txn);
        }
        let txn = doc.transact();
        txn.encode_state_as_update_v1(&StateVector::default())
    }

    #[test]
    fn a_plan_document_s_updates_pass_and_texts_do_not() {
        // Guards: what yrs writes for a plan (maps, arrays, plain values, deletions) passes;
        // a text, which no plan holds and which hangs yrs inside an array, is refused.
        use yrs::{Any, Array, Map, MapPrelim, Text, WriteTxn};
        let plan = update_of(|txn| {
            let root = txn.get_or_insert_map("plan");
            root.insert(txn, "name", "Kampanye Ramadan");
            root.insert(
                txn,
                "n",
                Any::from(vec![Any::from(1.5), Any::Null, Any::from(true)]),
            );
            let kpis = root.insert(txn, "kpis", MapPrelim::default());
            kpis.insert(txn, "k-1", 42i64);
            let order = txn.get_or_insert_array("history");
            order.push_back(txn, "k-1");
            order.push_back(txn, "k-2");
            order.remove(txn, 0);
            root.remove(txn, "name");
        });
        assert_eq!(check_update(&plan), Ok(()));
        let text = update_of(|txn| {
            txn.get_or_insert_text("t").insert(txn, 0, "x");
        });
        assert_eq!(check_update(&text), Err(Malformed));
        // Cut anywhere, or with a byte more, the same update is refused.
        for end in 0..plan.len() {
            assert_eq!(check_update(&plan[..end]), Err(Malformed), "cut at {end}");
        }
        assert_eq!(
            check_update(&[plan.as_slice(), &[0]].concat()),
            Err(Malformed)
        );
    }

    #[test]
    fn values_nested_deeper_than_a_plan_s_are_refused() {
        // Guards: yrs decodes nested values recursively; 100 000 nested arrays would exhaust
        // the wasm stack. One writer (7) at clock 0, one struct: ANY parent root "a", 1 value.
        let mut update = vec![1, 1, 7, 0, ANY, 1, 1, b'a', 1];
        update.extend(std::iter::repeat_n([117u8, 1], 100_000).flatten());
        update.extend([126, 0]);
        assert_eq!(check_update(&update), Err(Malformed));
        // The same with two levels is a plain list of a list of null.
        assert_eq!(
            check_update(&[1, 1, 7, 0, ANY, 1, 1, b'a', 1, 117, 1, 117, 1, 126, 0]),
            Ok(())
        );
    }

    #[test]
    fn a_writer_twice_or_a_clock_past_32_bits_is_refused() {
        // Guards: the gap guard reads one range per writer; a second range of the same writer
        // could start after a gap, which yrs's pending bookkeeping mishandles.
        // Two writer sections, both of writer 7 (clock 0, then clock 5), each one null value.
        let value = [ANY, 1, 1, b'a', 1, 126];
        let twice = [&[2u8, 1, 7, 0][..], &value, &[1, 7, 5], &value, &[0]].concat();
        let once = [&[1u8, 1, 7, 0][..], &value, &[0]].concat();
        assert_eq!(check_update(&once), Ok(()));
        assert_eq!(check_update(&twice), Err(Malformed));
        // Writer 7 from clock 2^32 - 1, one deleted run of 2 ticks.
        let late = [
            1, 1, 7, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, DELETED, 1, 1, b'a', 2, 0,
        ];
        assert_eq!(check_update(&late), Err(Malformed));
        assert_eq!(check_state_vector(&[1, 7, 3]), Ok(()));
        assert_eq!(check_state_vector(&[1, 7]), Err(Malformed));
    }
}
