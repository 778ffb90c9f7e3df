//! Answers recorded on a tape: a flat list of `u32` operations and one text buffer, written by a
//! `serde::Serializer`. The same tape is
//!
//! - printed as JSON text here ([`print`]): the JSON contract, exactly what serde_json writes;
//! - or read by `src/tape.js` straight out of wasm memory, which builds the JavaScript objects.
//!   That is several times faster than `JSON.parse` of the same answer: no text to scan, and
//!   field names and enum values cross once per module instance, then by number ([`Names`]).
//!
//! Operations (each a `u32`, operands following):
//!
//! | op | operands | value |
//! |---|---|---|
//! | `NULL`, `TRUE`, `FALSE` | | |
//! | `INT` | `i32` bits | a whole number that fits `i32` |
//! | `NUMBER` | text: byte offset, byte length | any other number, as JSON writes it |
//! | `STRING` | text: byte offset, byte length, UTF-16 offset, UTF-16 length | a string |
//! | `NAME` | index | a field name or enum value known to the reader |
//! | `NEW_NAME` | text as `STRING`, then the next operation | the reader learns the next name index |
//! | `ARRAY` | count, then the items | |
//! | `OBJECT` | count, then key and value operations in turn | |

use std::cell::RefCell;
use std::fmt::{self, Display};

use serde::ser::{self, Serialize};

use crate::error::{Error, ErrorCode, Result};

pub(crate) const NULL: u32 = 0;
pub(crate) const TRUE: u32 = 1;
pub(crate) const FALSE: u32 = 2;
pub(crate) const INT: u32 = 3;
pub(crate) const NUMBER: u32 = 4;
pub(crate) const STRING: u32 = 5;
pub(crate) const NAME: u32 = 6;
pub(crate) const NEW_NAME: u32 = 7;
pub(crate) const ARRAY: u32 = 8;
pub(crate) const OBJECT: u32 = 9;

/// An answer on a tape.
#[derive(Debug, Default)]
pub(crate) struct Tape {
    pub(crate) ops: Vec<u32>,
    pub(crate) text: String,
    /// UTF-16 length of `text` (JavaScript's string offsets).
    utf16_len: usize,
}

/// How field names and enum values are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Names {
    /// As strings, every time (a tape to print).
    Inline,
    /// By index into the table this thread shares with its reader (a tape for `src/tape.js`).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code, reason = "the wasm boundary's"))]
    Shared,
}

/// Records `value` on a tape.
pub(crate) fn record<T: Serialize + ?Sized>(value: &T, names: Names) -> Result<Tape> {
    let mut tape = Tape { ops: Vec::with_capacity(256), text: String::with_capacity(512), utf16_len: 0 };
    let result = match names {
        Names::Inline => value.serialize(&mut Recorder { tape: &mut tape, table: None }),
        Names::Shared => TABLE.with(|t| match t.try_borrow_mut() {
            Ok(mut table) => {
                let mark = table.names.len();
                let result = value.serialize(&mut Recorder { tape: &mut tape, table: Some(&mut table) });
                if result.is_err() {
                    // The reader never sees this tape: forget the names it introduced.
                    table.truncate(mark);
                }
                result
            }
            // Only if a recording ever started inside another: write names inline.
            Err(_) => value.serialize(&mut Recorder { tape: &mut tape, table: None }),
        }),
    };
    result.map(|()| tape).map_err(|e| Error::new(ErrorCode::Internal, format!("answer not serialisable: {}", e.0)))
}

/// Why a value cannot be recorded (a map key that is not a string, …).
#[derive(Debug)]
pub(crate) struct TapeError(String);

impl Display for TapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TapeError {}

impl ser::Error for TapeError {
    fn custom<T: Display>(msg: T) -> Self {
        Self(msg.to_string())
    }
}

type Done = std::result::Result<(), TapeError>;

/// Serialises a `'static` text (an id, a rule id) as a name: on a shared tape it crosses to
/// JavaScript once, then by number. JSON text is the same as for any string. For
/// `#[serde(serialize_with = "crate::tape::name")]`.
pub(crate) fn name<S: ser::Serializer>(text: &&'static str, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_unit_variant("", 0, text)
}

/// A list of `'static` texts as names (see [`name`]).
pub(crate) fn names<S: ser::Serializer>(texts: &[&'static str], s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_seq(texts.iter().map(|&text| Name(text)))
}

/// An optional `'static` text as a name (see [`name`]).
pub(crate) fn optional_name<S: ser::Serializer>(
    text: &Option<&'static str>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match text {
        Some(text) => s.serialize_unit_variant("", 0, text),
        None => s.serialize_none(),
    }
}

/// Texts of the catalog (which lives as long as the module) as names (see [`name`]).
pub(crate) fn catalog_names<S: ser::Serializer>(
    texts: &&'static [String],
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.collect_seq(texts.iter().map(|text| Name(text.as_str())))
}

struct Name(&'static str);

impl Serialize for Name {
    fn serialize<S: ser::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_unit_variant("", 0, self.0)
    }
}

// ---------------------------------------------------------------- the shared name table

/// Field names and enum values already sent to the reader, by the address of their `'static`
/// text (each is one literal of the serialisers; one text at two addresses just gets two indices).
struct Table {
    /// Open addressing: (address, length, index + 1); 0 marks a free slot.
    slots: Vec<(usize, usize, u32)>,
    names: Vec<&'static str>,
}

const SLOTS: usize = 1024;

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table { slots: vec![(0, 0, 0); SLOTS], names: Vec::new() });
}

impl Table {
    fn slot_of(name: &'static str) -> usize {
        let h = (name.as_ptr() as usize as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 54) as usize % SLOTS
    }

    /// The index of `name`, and whether it is new; `None` when the table is full.
    fn index(&mut self, name: &'static str) -> Option<(u32, bool)> {
        let mut at = Self::slot_of(name);
        for _ in 0..SLOTS {
            let slot = self.slots.get_mut(at)?;
            match *slot {
                (_, _, 0) => {
                    let index = u32::try_from(self.names.len()).ok()?;
                    *slot = (name.as_ptr() as usize, name.len(), index.checked_add(1)?);
                    self.names.push(name);
                    return Some((index, true));
                }
                (ptr, len, i) if ptr == name.as_ptr() as usize && len == name.len() => {
                    return Some((i.saturating_sub(1), false))
                }
                _ => at = at.saturating_add(1) % SLOTS,
            }
        }
        None
    }

    /// Forgets the names from `mark` on.
    fn truncate(&mut self, mark: usize) {
        self.names.truncate(mark);
        // Rebuild the slots from the names kept (rare: only after a failed recording).
        self.slots.iter_mut().for_each(|s| *s = (0, 0, 0));
        let names = std::mem::take(&mut self.names);
        for name in names {
            let _ = self.index(name);
        }
    }
}

// ---------------------------------------------------------------- recording

struct Recorder<'t> {
    tape: &'t mut Tape,
    /// The shared name table, for a tape to `src/tape.js`; `None` writes names inline.
    table: Option<&'t mut Table>,
}

impl Recorder<'_> {
    fn op(&mut self, op: u32) {
        self.tape.ops.push(op);
    }

    fn u32_of(n: usize) -> u32 {
        // Answers are far below 4 GiB; saturate rather than wrap if one ever were not.
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    /// Appends text, and pushes its byte offset, byte length, UTF-16 offset and UTF-16 length.
    fn text(&mut self, s: &str) {
        let units = if s.is_ascii() { s.len() } else { s.encode_utf16().count() };
        let (byte_at, unit_at) = (self.tape.text.len(), self.tape.utf16_len);
        self.tape.text.push_str(s);
        self.tape.utf16_len = unit_at.saturating_add(units);
        let operands = [Self::u32_of(byte_at), Self::u32_of(s.len()), Self::u32_of(unit_at), Self::u32_of(units)];
        self.tape.ops.extend_from_slice(&operands);
    }

    fn string(&mut self, s: &str) {
        self.op(STRING);
        self.text(s);
    }

    fn number_text(&mut self, s: &str) {
        self.op(NUMBER);
        let (at, len) = (self.tape.text.len(), s.len());
        self.tape.text.push_str(s);
        self.tape.utf16_len = self.tape.utf16_len.saturating_add(len);
        self.tape.ops.extend_from_slice(&[Self::u32_of(at), Self::u32_of(len)]);
    }

    /// A field name or enum value: by index when shared, else as a string.
    fn name(&mut self, name: &'static str) {
        if let Some(table) = self.table.as_deref_mut() {
            if let Some((index, new)) = table.index(name) {
                if new {
                    self.op(NEW_NAME);
                    self.text(name);
                }
                self.tape.ops.extend_from_slice(&[NAME, index]);
                return;
            }
        }
        self.string(name);
    }

    fn integer(&mut self, n: i64) {
        match i32::try_from(n) {
            Ok(small) => {
                self.op(INT);
                self.op(u32::from_ne_bytes(small.to_ne_bytes()));
            }
            Err(_) => self.number_text(crate::money::decimal_text(&rust_decimal::Decimal::from(n)).as_str()),
        }
    }

    /// Starts an array or object whose count is filled in at its end.
    fn open(&mut self, op: u32) -> usize {
        self.op(op);
        self.op(0);
        self.tape.ops.len().saturating_sub(1)
    }
}

/// An array or object being recorded: where its count goes, and the count so far.
struct Compound<'r, 't> {
    r: &'r mut Recorder<'t>,
    count_at: usize,
    count: u32,
    /// A variant wrapped in an object (`{"Variant": …}`): one more object to count as closed.
    outer: Option<usize>,
}

impl Compound<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.count = self.count.saturating_add(1);
        value.serialize(&mut *self.r)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.count = self.count.saturating_add(1);
        self.r.name(key);
        value.serialize(&mut *self.r)
    }

    fn end(self) -> Done {
        if let Some(slot) = self.r.tape.ops.get_mut(self.count_at) {
            *slot = self.count;
        }
        if let Some(outer) = self.outer.and_then(|at| self.r.tape.ops.get_mut(at)) {
            *outer = 1;
        }
        Ok(())
    }
}

impl<'r, 't> ser::Serializer for &'r mut Recorder<'t> {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Compound<'r, 't>;
    type SerializeTuple = Compound<'r, 't>;
    type SerializeTupleStruct = Compound<'r, 't>;
    type SerializeTupleVariant = Compound<'r, 't>;
    type SerializeMap = Compound<'r, 't>;
    type SerializeStruct = Compound<'r, 't>;
    type SerializeStructVariant = Compound<'r, 't>;

    fn serialize_bool(self, v: bool) -> Done {
        self.op(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.integer(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Done {
        match i64::try_from(v) {
            Ok(v) => self.integer(v),
            Err(_) => self.number_text(crate::money::decimal_text(&rust_decimal::Decimal::from(v)).as_str()),
        }
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Done {
        // Answers carry no floats (money is decimal strings); should one appear, write what
        // JavaScript's JSON.stringify writes, including `null` for NaN and infinities.
        if v.is_finite() {
            self.number_text(&v.to_string());
        } else {
            self.op(NULL);
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        let mut seq = ser::Serializer::serialize_seq(self, Some(v.len()))?;
        for b in v {
            ser::SerializeSeq::serialize_element(&mut seq, b)?;
        }
        ser::SerializeSeq::end(seq)
    }
    fn serialize_none(self) -> Done {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.op(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Done {
        self.name(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        let count_at = self.open(OBJECT);
        if let Some(slot) = self.tape.ops.get_mut(count_at) {
            *slot = 1;
        }
        self.name(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> std::result::Result<Compound<'r, 't>, TapeError> {
        let count_at = self.open(ARRAY);
        Ok(Compound { r: self, count_at, count: 0, outer: None })
    }
    fn serialize_tuple(self, len: usize) -> std::result::Result<Compound<'r, 't>, TapeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> std::result::Result<Compound<'r, 't>, TapeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> std::result::Result<Compound<'r, 't>, TapeError> {
        let outer = self.open(OBJECT);
        self.name(variant);
        let count_at = self.open(ARRAY);
        Ok(Compound { r: self, count_at, count: 0, outer: Some(outer) })
    }
    fn serialize_map(self, _len: Option<usize>) -> std::result::Result<Compound<'r, 't>, TapeError> {
        let count_at = self.open(OBJECT);
        Ok(Compound { r: self, count_at, count: 0, outer: None })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> std::result::Result<Compound<'r, 't>, TapeError> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> std::result::Result<Compound<'r, 't>, TapeError> {
        let outer = self.open(OBJECT);
        self.name(variant);
        let count_at = self.open(OBJECT);
        Ok(Compound { r: self, count_at, count: 0, outer: Some(outer) })
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        Compound::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        self.count = self.count.saturating_add(1);
        key.serialize(KeyRecorder { r: &mut *self.r })
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut *self.r)
    }
    fn end(self) -> Done {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.field(key, value)
    }
    fn end(self) -> Done {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.field(key, value)
    }
    fn end(self) -> Done {
        Compound::end(self)
    }
}

/// Map keys: strings as they are, integers as their decimal text (as serde_json does); anything
/// else is an error.
struct KeyRecorder<'r, 't> {
    r: &'r mut Recorder<'t>,
}

fn not_a_key() -> TapeError {
    TapeError("a map key must be a string".to_owned())
}

impl ser::Serializer for KeyRecorder<'_, '_> {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = ser::Impossible<(), TapeError>;
    type SerializeTuple = ser::Impossible<(), TapeError>;
    type SerializeTupleStruct = ser::Impossible<(), TapeError>;
    type SerializeTupleVariant = ser::Impossible<(), TapeError>;
    type SerializeMap = ser::Impossible<(), TapeError>;
    type SerializeStruct = ser::Impossible<(), TapeError>;
    type SerializeStructVariant = ser::Impossible<(), TapeError>;

    fn serialize_str(self, v: &str) -> Done {
        self.r.string(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Done {
        self.r.name(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_bool(self, _v: bool) -> Done {
        Err(not_a_key())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.r.string(&v.to_string());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.r.string(&v.to_string());
        Ok(())
    }
    fn serialize_f32(self, _v: f32) -> Done {
        Err(not_a_key())
    }
    fn serialize_f64(self, _v: f64) -> Done {
        Err(not_a_key())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Done {
        Err(not_a_key())
    }
    fn serialize_none(self) -> Done {
        Err(not_a_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Done {
        Err(not_a_key())
    }
    fn serialize_unit(self) -> Done {
        Err(not_a_key())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        Err(not_a_key())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Done {
        Err(not_a_key())
    }
    fn serialize_seq(self, _len: Option<usize>) -> std::result::Result<Self::SerializeSeq, TapeError> {
        Err(not_a_key())
    }
    fn serialize_tuple(self, _len: usize) -> std::result::Result<Self::SerializeTuple, TapeError> {
        Err(not_a_key())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> std::result::Result<Self::SerializeTupleStruct, TapeError> {
        Err(not_a_key())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> std::result::Result<Self::SerializeTupleVariant, TapeError> {
        Err(not_a_key())
    }
    fn serialize_map(self, _len: Option<usize>) -> std::result::Result<Self::SerializeMap, TapeError> {
        Err(not_a_key())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> std::result::Result<Self::SerializeStruct, TapeError> {
        Err(not_a_key())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> std::result::Result<Self::SerializeStructVariant, TapeError> {
        Err(not_a_key())
    }
}

// ---------------------------------------------------------------- printing

/// The JSON text of a tape recorded with [`Names::Inline`].
pub(crate) fn print(tape: &Tape) -> Result<String> {
    let mut out = String::with_capacity(tape.text.len().saturating_mul(2).saturating_add(256));
    let mut at = 0;
    print_value(tape, &mut at, &mut out, 0).ok_or_else(|| Error::new(ErrorCode::Internal, "malformed answer tape"))?;
    Ok(out)
}

fn next(tape: &Tape, at: &mut usize) -> Option<u32> {
    let op = tape.ops.get(*at).copied();
    *at = at.saturating_add(1);
    op
}

fn text_at<'t>(tape: &'t Tape, at: &mut usize) -> Option<&'t str> {
    let start = usize::try_from(next(tape, at)?).ok()?;
    let len = usize::try_from(next(tape, at)?).ok()?;
    tape.text.get(start..start.checked_add(len)?)
}

fn print_value(tape: &Tape, at: &mut usize, out: &mut String, depth: u32) -> Option<()> {
    if depth > 128 {
        return None;
    }
    match next(tape, at)? {
        NULL => out.push_str("null"),
        TRUE => out.push_str("true"),
        FALSE => out.push_str("false"),
        INT => out.push_str(&i32::from_ne_bytes(next(tape, at)?.to_ne_bytes()).to_string()),
        NUMBER => out.push_str(text_at(tape, at)?),
        STRING => {
            let s = text_at(tape, at)?;
            *at = at.checked_add(2)?; // the UTF-16 operands, for JavaScript
            quoted(s, out);
        }
        ARRAY | OBJECT => {
            let object = tape.ops.get(at.checked_sub(1)?) == Some(&OBJECT);
            let count = next(tape, at)?;
            out.push(if object { '{' } else { '[' });
            for i in 0..count {
                if i > 0 {
                    out.push(',');
                }
                if object {
                    print_value(tape, at, out, depth.saturating_add(1))?;
                    out.push(':');
                }
                print_value(tape, at, out, depth.saturating_add(1))?;
            }
            out.push(if object { '}' } else { ']' });
        }
        _ => return None, // NAME and NEW_NAME only appear in shared tapes
    }
    Some(())
}

/// A JSON string literal, escaped as serde_json escapes.
fn quoted(s: &str, out: &mut String) {
    out.push('"');
    if !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push_str(s);
    } else {
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if u32::from(c) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let n = u32::from(c) as usize;
                    out.push_str("\\u00");
                    for digit in [n >> 4, n & 0xf] {
                        out.push(char::from(HEX.get(digit).copied().unwrap_or(b'0')));
                    }
                }
                c => out.push(c),
            }
        }
    }
    out.push('"');
}

/// The JSON text of `value` (the JSON contract).
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    print(&record(value, Names::Inline)?)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::*;

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Sample<'a> {
        text: &'a str,
        escaped: &'a str,
        numbers: (u8, i64, i64, u64, u32, i32, u64),
        float: f64,
        nan: f64,
        missing: Option<u8>,
        unit: (),
        list: Vec<Kind>,
        map: BTreeMap<&'a str, u8>,
        int_keys: BTreeMap<u16, bool>,
        tagged: Tagged,
        #[serde(flatten)]
        flat: Flat,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        UnitVariant,
        Newtype(u8),
        Tuple(u8, u8),
        Struct { a: u8 },
    }

    #[derive(Serialize)]
    #[serde(tag = "status", rename_all = "kebab-case")]
    enum Tagged {
        Published { amount: &'static str },
    }

    #[derive(Serialize)]
    struct Flat {
        extra: bool,
    }

    fn sample() -> Sample<'static> {
        Sample {
            text: "日本語 plain",
            escaped: "q\"b\\n\nr\rt\tc\u{1}\u{1f}\u{8}\u{c}/\u{2028}",
            numbers: (0, -9_223_372_036_854_775_808, 42, u64::MAX, 7, -3, 2_147_483_648),
            float: 1.5,
            nan: f64::NAN,
            missing: None,
            unit: (),
            list: vec![Kind::UnitVariant, Kind::Newtype(1), Kind::Tuple(1, 2), Kind::Struct { a: 3 }],
            map: [("b", 2), ("a", 1)].into_iter().collect(),
            int_keys: [(10, true), (2, false)].into_iter().collect(),
            tagged: Tagged::Published { amount: "85800" },
            flat: Flat { extra: true },
        }
    }

    #[test]
    fn prints_what_serde_json_writes() {
        let sample = sample();
        assert_eq!(to_json(&sample).unwrap(), serde_json::to_string(&sample).unwrap());
        assert_eq!(to_json(&[(); 0]).unwrap(), "[]");
    }

    #[test]
    fn shared_names_are_sent_once_then_by_index() {
        let names = || TABLE.with(|t| t.borrow().names.len());
        let before = names();
        let first = record(&sample(), Names::Shared).unwrap();
        let learnt = names();
        let second = record(&sample(), Names::Shared).unwrap();
        assert!(learnt > before);
        assert_eq!(names(), learnt, "the second recording introduces no name");
        assert!(second.ops.len() < first.ops.len());
        assert!(second.text.len() < first.text.len());
        // The UTF-16 length counts 日本語 as three units, its bytes as nine.
        assert_eq!(second.utf16_len, second.text.chars().map(char::len_utf16).sum::<usize>());
    }

    #[test]
    fn a_failed_recording_forgets_its_names() {
        #[derive(Serialize)]
        struct Bad {
            a_name_only_this_test_uses: u8,
            bad: BTreeMap<(u8, u8), u8>,
        }
        let before = TABLE.with(|t| t.borrow().names.len());
        let bad = Bad { a_name_only_this_test_uses: 1, bad: [((1, 2), 3)].into_iter().collect() };
        assert!(record(&bad, Names::Shared).is_err());
        assert_eq!(TABLE.with(|t| t.borrow().names.len()), before);
        // And the table still works.
        let again = record(&sample(), Names::Shared).unwrap();
        assert!(!again.ops.is_empty());
    }
}
