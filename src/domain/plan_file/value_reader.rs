//! Reads a JSON value as a typed document (a plan) and, when it does not fit, says where: the
//! path of the innermost value being read when serde refused it. A serde `Deserializer` over
//! [`serde_json::Value`] that behaves as serde_json's own (the same visitor calls, so the same
//! messages), keeping a chain of keys and indexes on the stack as it goes down: nothing is
//! allocated unless reading fails. One layer where a path-tracking wrapper around serde_json's
//! reader makes two, so less code is generated for each type of the plan.

// Input path: a panic here kills the app, so indexing that could go out of bounds is refused.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::cell::Cell;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, Error as _, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};
use serde::Deserialize;
use serde_json::{Map, Number, Value};

use crate::domain::plan_file::json_path::Step;

/// Why a value does not read as the type asked for, and where.
#[derive(Debug)]
pub struct Fault {
    /// The innermost value being read when reading stopped (the document itself is empty).
    pub path: Vec<Step>,
    /// What refused it.
    pub error: ReadError,
}

/// The kind of a JSON value, as found in a file or asked for by a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// A string.
    Text,
    /// An array.
    List,
    /// An object.
    Object,
}

impl JsonKind {
    /// The kind of `value`.
    pub fn of(value: &Value) -> JsonKind {
        match value {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Boolean,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::Text,
            Value::Array(_) => JsonKind::List,
            Value::Object(_) => JsonKind::Object,
        }
    }
}

impl std::fmt::Display for JsonKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            JsonKind::Null => "null",
            JsonKind::Boolean => "a boolean",
            JsonKind::Number => "a number",
            JsonKind::Text => "text",
            JsonKind::List => "a list",
            JsonKind::Object => "an object",
        })
    }
}

/// What kind of value a type asked for when it met another, as far as the reader knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asked {
    /// Not decided yet: the reader that raised it has not passed it on.
    Unset,
    /// This kind of JSON value.
    Kind(JsonKind),
    /// Something JSON has no one kind for (a unit, a variant's shape).
    Other,
}

/// Why serde refused a value, typed: what the import message needs is read from here, never
/// from serde's English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// An object lacks this field.
    MissingField(&'static str),
    /// An object has a field its type does not know.
    UnknownField,
    /// A word that is none of its choice's variants.
    UnknownChoice(String),
    /// A value of another kind than the type asked for.
    WrongType(Asked),
    /// Text that is not a date (see [`crate::domain::values::date::Date`]).
    NotADate,
    /// Anything else: a number out of a type's range, a list of the wrong length, a type's own
    /// message.
    Other,
}

/// The error of [`read`]: a typed [`Refusal`] and serde's message, worded as serde_json words
/// it (the message is only ever shown as a detail; nothing matches on it). Boxed, so that a
/// `Result` carrying it is as small as with serde_json's own error: every visitor of every type
/// of the plan moves such results around, and a wide error made the module 40 KB larger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError(Box<Inner>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Inner {
    refusal: Refusal,
    message: String,
}

impl ReadError {
    fn new(refusal: Refusal, message: impl std::fmt::Display) -> Self {
        ReadError(Box::new(Inner {
            refusal,
            message: message.to_string(),
        }))
    }

    /// What was refused.
    pub fn refusal(&self) -> &Refusal {
        &self.0.refusal
    }

    /// A wrong type whose asked kind is still open gets `asked`, by the reader that knows it.
    fn asking(mut self, asked: Asked) -> Self {
        if self.0.refusal == Refusal::WrongType(Asked::Unset) {
            self.0.refusal = Refusal::WrongType(asked);
        }
        self
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for ReadError {}

/// The wording of each refusal: serde_json's, so messages read as they did.
type Worded = serde_json::Error;

impl serde::de::Error for ReadError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        ReadError::new(Refusal::Other, msg)
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn serde::de::Expected) -> Self {
        let message = Worded::invalid_type(unexp, exp);
        ReadError::new(Refusal::WrongType(Asked::Unset), message)
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let message = Worded::unknown_variant(variant, expected);
        ReadError::new(Refusal::UnknownChoice(variant.to_string()), message)
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        ReadError::new(
            Refusal::UnknownField,
            Worded::unknown_field(field, expected),
        )
    }

    fn missing_field(field: &'static str) -> Self {
        ReadError::new(Refusal::MissingField(field), Worded::missing_field(field))
    }
}

/// Reads `value` as a `T`, or says where and why it does not fit.
pub fn read<'a, T: Deserialize<'a>>(value: &'a Value) -> Result<T, Fault> {
    let fault = Cell::new(None);
    let reader = Reader {
        value,
        at: Chain::Root,
        fault: &fault,
    };
    T::deserialize(reader).map_err(|error| Fault {
        path: fault.into_inner().unwrap_or_default(),
        error,
    })
}

/// Where a reader is: the keys and indexes from the document down, innermost last.
#[derive(Clone, Copy)]
enum Chain<'a, 'c> {
    Root,
    Key(&'c Chain<'a, 'c>, &'a str),
    Index(&'c Chain<'a, 'c>, usize),
}

impl Chain<'_, '_> {
    fn steps(&self) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut at = self;
        loop {
            match *at {
                Chain::Root => break,
                Chain::Key(parent, key) => {
                    steps.push(Step::Key(key.to_string()));
                    at = parent;
                }
                Chain::Index(parent, index) => {
                    steps.push(Step::Index(index));
                    at = parent;
                }
            }
        }
        steps.reverse();
        steps
    }
}

/// The path of the first (so innermost) failure, once there is one.
type FaultPath = Cell<Option<Vec<Step>>>;

/// Notes `at` as where reading failed, unless a deeper place already was, and passes `err` on.
///
/// A wrong type still without its asked kind here came from a deserializer other than ours
/// (serde buffers a tagged choice and reads it again), which names no kind: it stays a detail.
fn fail(fault: &FaultPath, at: &Chain<'_, '_>, err: ReadError) -> ReadError {
    let path = fault.take().unwrap_or_else(|| at.steps());
    fault.set(Some(path));
    err.asking(Asked::Other)
}

/// What a value is, in the words of serde's "invalid type" messages.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            (None, None) => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// A number, handed to the visitor as serde_json hands it: whole numbers as `u64` or `i64`,
/// the rest as `f64`.
fn number<'a, V: Visitor<'a>>(n: &Number, visitor: V) -> Result<V::Value, ReadError> {
    match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => visitor.visit_u64(u),
        (None, Some(i)) => visitor.visit_i64(i),
        (None, None) => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
    }
}

/// Reads one value; every error leaving it marks its place.
struct Reader<'a, 'c> {
    value: &'a Value,
    at: Chain<'a, 'c>,
    fault: &'c FaultPath,
}

impl<'a> Reader<'a, '_> {
    fn fail(&self, err: ReadError) -> ReadError {
        fail(self.fault, &self.at, err)
    }

    fn invalid<V: Visitor<'a>>(&self, visitor: &V) -> ReadError {
        ReadError::invalid_type(unexpected(self.value), visitor)
    }

    /// Marks a wrong type raised by this value's type as asking `asked`, and its place.
    fn fail_asking(&self, err: ReadError, asked: Asked) -> ReadError {
        self.fail(err.asking(asked))
    }

    /// A list, read element by element; elements left unread are refused as serde_json does.
    fn list<V: Visitor<'a>>(&self, items: &'a [Value], visitor: V) -> Result<V::Value, ReadError> {
        let mut elements = Elements {
            iter: items.iter(),
            index: 0,
            at: &self.at,
            fault: self.fault,
        };
        let value = visitor.visit_seq(&mut elements)?;
        match elements.iter.len() {
            0 => Ok(value),
            _ => Err(ReadError::invalid_length(
                items.len(),
                &"fewer elements in array",
            )),
        }
    }

    /// An object, read entry by entry; entries left unread are refused as serde_json does.
    fn object<V: Visitor<'a>>(
        &self,
        map: &'a Map<String, Value>,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let mut entries = Entries {
            iter: map.iter(),
            value: None,
            at: &self.at,
            fault: self.fault,
        };
        let value = visitor.visit_map(&mut entries)?;
        match entries.iter.len() {
            0 => Ok(value),
            _ => Err(ReadError::invalid_length(
                map.len(),
                &"fewer elements in map",
            )),
        }
    }

    fn any<V: Visitor<'a>>(&self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => number(n, visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => self.list(items, visitor),
            Value::Object(map) => self.object(map, visitor),
        }
    }

    fn number<V: Visitor<'a>>(&self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Number(n) => number(n, visitor),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn text<V: Visitor<'a>>(&self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn boolean<V: Visitor<'a>>(&self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Bool(b) => visitor.visit_bool(*b),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn unit<V: Visitor<'a>>(&self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn bytes<V: Visitor<'a>>(&self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => self.list(items, visitor),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn seq<V: Visitor<'a>>(&self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Array(items) => self.list(items, visitor),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn map<V: Visitor<'a>>(&self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Object(map) => self.object(map, visitor),
            _ => Err(self.invalid(&visitor)),
        }
    }

    /// A struct: from an object, or from a list of its fields in order, as serde allows.
    fn structure<V: Visitor<'a>>(&self, visitor: V) -> Result<V::Value, ReadError> {
        match self.value {
            Value::Array(items) => self.list(items, visitor),
            Value::Object(map) => self.object(map, visitor),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn choice<V: Visitor<'a>>(&self, visitor: V) -> Result<V::Value, ReadError> {
        let (name, value) = match self.value {
            Value::String(name) => (name.as_str(), None),
            Value::Object(map) => {
                let mut iter = map.iter();
                match (iter.next(), iter.next()) {
                    (Some((name, value)), None) => (name.as_str(), Some(value)),
                    _ => {
                        return Err(ReadError::invalid_value(
                            Unexpected::Map,
                            &"map with a single key",
                        ))
                    }
                }
            }
            other => return Err(ReadError::invalid_type(unexpected(other), &"string or map")),
        };
        visitor.visit_enum(Variant {
            name,
            value,
            at: &self.at,
            fault: self.fault,
        })
    }
}

/// Forwards `deserialize_*` methods to a [`Reader`] method, marking the place of any error and
/// the kind of value the method asks for.
macro_rules! forward {
    ($($method:ident => $to:ident, $asked:expr;)*) => {
        $(
            fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, ReadError> {
                self.$to(visitor).map_err(|e| self.fail_asking(e, $asked))
            }
        )*
    };
}

const NUMBER: Asked = Asked::Kind(JsonKind::Number);
const TEXT: Asked = Asked::Kind(JsonKind::Text);

impl<'a> Deserializer<'a> for Reader<'a, '_> {
    type Error = ReadError;

    forward! {
        deserialize_any => any, Asked::Other;
        deserialize_i8 => number, NUMBER;
        deserialize_i16 => number, NUMBER;
        deserialize_i32 => number, NUMBER;
        deserialize_i64 => number, NUMBER;
        deserialize_i128 => number, NUMBER;
        deserialize_u8 => number, NUMBER;
        deserialize_u16 => number, NUMBER;
        deserialize_u32 => number, NUMBER;
        deserialize_u64 => number, NUMBER;
        deserialize_u128 => number, NUMBER;
        deserialize_f32 => number, NUMBER;
        deserialize_f64 => number, NUMBER;
        deserialize_char => text, TEXT;
        deserialize_str => text, TEXT;
        deserialize_string => text, TEXT;
        deserialize_identifier => text, TEXT;
        deserialize_bool => boolean, Asked::Kind(JsonKind::Boolean);
        deserialize_unit => unit, Asked::Other;
        deserialize_bytes => bytes, Asked::Other;
        deserialize_byte_buf => bytes, Asked::Other;
        deserialize_seq => seq, Asked::Kind(JsonKind::List);
        deserialize_map => map, Asked::Kind(JsonKind::Object);
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, ReadError> {
        let (fault, at) = (self.fault, self.at);
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
        .map_err(|e| fail(fault, &at, e))
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let (fault, at) = (self.fault, self.at);
        visitor.visit_newtype_struct(self).map_err(|mut e| {
            // A date reads as a newtype of its text, so its own refusals are known here.
            if name == crate::domain::values::date::SERDE_NAME && e.0.refusal == Refusal::Other {
                e.0.refusal = Refusal::NotADate;
            }
            fail(fault, &at, e)
        })
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_tuple<V: Visitor<'a>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        self.structure(visitor)
            .map_err(|e| self.fail_asking(e, Asked::Kind(JsonKind::Object)))
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        // A choice is a word, or an object of one key: a word is what most are.
        self.choice(visitor).map_err(|e| self.fail_asking(e, TEXT))
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, ReadError> {
        visitor.visit_unit()
    }
}

/// The elements of a list, each read at its index.
struct Elements<'a, 'c> {
    iter: std::slice::Iter<'a, Value>,
    index: usize,
    at: &'c Chain<'a, 'c>,
    fault: &'c FaultPath,
}

impl<'a> SeqAccess<'a> for Elements<'a, '_> {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        let Some(value) = self.iter.next() else {
            return Ok(None);
        };
        let at = Chain::Index(self.at, self.index);
        self.index += 1;
        let reader = Reader {
            value,
            at,
            fault: self.fault,
        };
        // Also marks errors a type raises after reading (a date that is not a day).
        seed.deserialize(reader)
            .map(Some)
            .map_err(|e| fail(self.fault, &at, e))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// The entries of an object, each value read at its key.
struct Entries<'a, 'c> {
    iter: serde_json::map::Iter<'a>,
    value: Option<(&'a str, &'a Value)>,
    at: &'c Chain<'a, 'c>,
    fault: &'c FaultPath,
}

impl<'a> MapAccess<'a> for Entries<'a, '_> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        // An unknown field is refused on its key, which names the place.
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
            .map_err(|e| fail(self.fault, &Chain::Key(self.at, key), e))
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        let Some((key, value)) = self.value.take() else {
            return Err(ReadError::custom("value is missing"));
        };
        let at = Chain::Key(self.at, key);
        let reader = Reader {
            value,
            at,
            fault: self.fault,
        };
        seed.deserialize(reader)
            .map_err(|e| fail(self.fault, &at, e))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// A choice (enum) as serde_json writes it: a word, or an object of one key (the word) whose
/// value the variant holds.
struct Variant<'a, 'c> {
    name: &'a str,
    value: Option<&'a Value>,
    at: &'c Chain<'a, 'c>,
    fault: &'c FaultPath,
}

impl<'a, 'c> EnumAccess<'a> for Variant<'a, 'c> {
    type Error = ReadError;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'a>>(self, seed: T) -> Result<(T::Value, Self), ReadError> {
        // An unknown word is refused on the choice itself (marked by its reader).
        let name = seed.deserialize(BorrowedStrDeserializer::new(self.name))?;
        Ok((name, self))
    }
}

impl<'a> VariantAccess<'a> for Variant<'a, '_> {
    type Error = ReadError;

    fn unit_variant(self) -> Result<(), ReadError> {
        let at = Chain::Key(self.at, self.name);
        match self.value {
            Some(value) => <()>::deserialize(Reader {
                value,
                at,
                fault: self.fault,
            })
            .map_err(|e| fail(self.fault, &at, e)),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'a>>(self, seed: T) -> Result<T::Value, ReadError> {
        let at = Chain::Key(self.at, self.name);
        match self.value {
            Some(value) => seed.deserialize(Reader {
                value,
                at,
                fault: self.fault,
            }),
            None => Err(
                ReadError::invalid_type(Unexpected::UnitVariant, &"newtype variant")
                    .asking(Asked::Other),
            ),
        }
        .map_err(|e| fail(self.fault, &at, e))
    }

    fn tuple_variant<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value, ReadError> {
        let at = Chain::Key(self.at, self.name);
        let reader = |value| Reader {
            value,
            at,
            fault: self.fault,
        };
        match self.value {
            Some(Value::Array(items)) if items.is_empty() => visitor.visit_unit(),
            Some(value @ Value::Array(items)) => reader(value).list(items, visitor),
            Some(other) => {
                Err(ReadError::invalid_type(unexpected(other), &"tuple variant")
                    .asking(Asked::Other))
            }
            None => Err(
                ReadError::invalid_type(Unexpected::UnitVariant, &"tuple variant")
                    .asking(Asked::Other),
            ),
        }
        .map_err(|e| fail(self.fault, &at, e))
    }

    fn struct_variant<V: Visitor<'a>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        let at = Chain::Key(self.at, self.name);
        match self.value {
            Some(value @ Value::Object(map)) => Reader {
                value,
                at,
                fault: self.fault,
            }
            .object(map, visitor),
            Some(other) => Err(
                ReadError::invalid_type(unexpected(other), &"struct variant").asking(Asked::Other),
            ),
            None => Err(
                ReadError::invalid_type(Unexpected::UnitVariant, &"struct variant")
                    .asking(Asked::Other),
            ),
        }
        .map_err(|e| fail(self.fault, &at, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan_file::json_path::path_text;
    use serde_json::json;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        n: u32,
        #[serde(default)]
        tags: Vec<String>,
        #[serde(default)]
        pick: Option<Pick>,
        #[serde(default)]
        day: Option<crate::domain::values::date::Date>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Pick {
        Plain,
        Named(String),
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Items {
        items: Vec<Item>,
    }

    // Guards: each kind of fault is placed where serde met it (the innermost value being read;
    // an unknown field at its key; a missing field at its object; a choice's content under the
    // choice's word), with the very message serde_json gives reading the value itself.
    #[test]
    fn faults_are_placed_and_worded_as_serde_json_words_them() {
        let one_key = "invalid value: map, expected map with a single key";
        let cases = [
            (
                json!({"items": [{"n": 1}, {"n": "x"}]}),
                "items[1].n",
                "invalid type: string \"x\", expected u32",
            ),
            (
                json!({"items": [{"n": 1, "tags": ["a", 2]}]}),
                "items[0].tags[1]",
                "invalid type: integer `2`, expected a string",
            ),
            (
                json!({"items": [{"n": -1}]}),
                "items[0].n",
                "invalid value: integer `-1`, expected u32",
            ),
            (
                json!({"items": [{"n": 1, "zz": 0}]}),
                "items[0].zz",
                "unknown field `zz`, expected one of `n`, `tags`, `pick`, `day`",
            ),
            (json!({"items": [{}]}), "items[0]", "missing field `n`"),
            (json!({}), "", "missing field `items`"),
            (
                json!({"items": {"n": 1}}),
                "items",
                "invalid type: map, expected a sequence",
            ),
            (
                json!({"items": [{"n": 1, "day": "2026-02-30"}]}),
                "items[0].day",
                "'2026-02-30' is not a day of the calendar",
            ),
            (
                json!({"items": [{"n": 1, "pick": "odd"}]}),
                "items[0].pick",
                "unknown variant `odd`, expected `plain` or `named`",
            ),
            (
                json!({"items": [{"n": 1, "pick": {"odd": 1}}]}),
                "items[0].pick",
                "unknown variant `odd`, expected `plain` or `named`",
            ),
            (
                json!({"items": [{"n": 1, "pick": {"named": 5}}]}),
                "items[0].pick.named",
                "invalid type: integer `5`, expected a string",
            ),
            (
                json!({"items": [{"n": 1, "pick": "named"}]}),
                "items[0].pick.named",
                "invalid type: unit variant, expected newtype variant",
            ),
            (
                json!({"items": [{"n": 1, "pick": {"plain": 1}}]}),
                "items[0].pick.plain",
                "invalid type: integer `1`, expected unit",
            ),
            (
                json!({"items": [{"n": 1, "pick": {"plain": null, "x": 1}}]}),
                "items[0].pick",
                one_key,
            ),
            (
                json!({"items": [{"n": 1, "pick": {}}]}),
                "items[0].pick",
                one_key,
            ),
            (
                json!({"items": [{"n": 1, "pick": 5.5}]}),
                "items[0].pick",
                "invalid type: floating point `5.5`, expected string or map",
            ),
            (
                json!({"items": [[1, [], null, null, 4]]}),
                "items[0]",
                "invalid length 5, expected fewer elements in array",
            ),
        ];
        for (doc, path, message) in cases {
            let fault = read::<Items>(&doc).unwrap_err();
            assert_eq!(
                (
                    path_text(&fault.path).as_str(),
                    fault.error.to_string().as_str()
                ),
                (path, message),
                "{doc}"
            );
            assert_eq!(
                Items::deserialize(&doc).unwrap_err().to_string(),
                message,
                "{doc}"
            );
        }
    }

    // Guards: what the import message is built from is typed, not read back from the words:
    // each refusal says what kind of value its type asked for, the missing field's name, the
    // unknown word, a date that is no date.
    #[test]
    fn refusals_are_typed() {
        use JsonKind::*;
        let cases = [
            (
                json!({"items": [{"n": "x"}]}),
                Refusal::WrongType(Asked::Kind(Number)),
            ),
            (
                json!({"items": [{"n": 1, "tags": [2]}]}),
                Refusal::WrongType(Asked::Kind(Text)),
            ),
            (
                json!({"items": {"n": 1}}),
                Refusal::WrongType(Asked::Kind(List)),
            ),
            (
                json!({"items": [5]}),
                Refusal::WrongType(Asked::Kind(Object)),
            ),
            (
                json!({"items": [{"n": 1, "pick": 5}]}),
                Refusal::WrongType(Asked::Kind(Text)),
            ),
            (
                json!({"items": [{"n": 1, "pick": "named"}]}),
                Refusal::WrongType(Asked::Other),
            ),
            (
                json!({"items": [{"n": 1.5}]}),
                Refusal::WrongType(Asked::Kind(Number)),
            ),
            (json!({"items": [{"n": -1}]}), Refusal::Other),
            (json!({"items": [{}]}), Refusal::MissingField("n")),
            (json!({"items": [{"n": 1, "zz": 0}]}), Refusal::UnknownField),
            (
                json!({"items": [{"n": 1, "pick": "odd"}]}),
                Refusal::UnknownChoice("odd".into()),
            ),
            (
                json!({"items": [{"n": 1, "day": "2026-02-30"}]}),
                Refusal::NotADate,
            ),
            (
                json!({"items": [{"n": 1, "day": "30/01/2026"}]}),
                Refusal::NotADate,
            ),
            (
                json!({"items": [{"n": 1, "day": 20260130}]}),
                Refusal::WrongType(Asked::Kind(Text)),
            ),
        ];
        for (doc, refusal) in cases {
            assert_eq!(
                read::<Items>(&doc).unwrap_err().error.refusal(),
                &refusal,
                "{doc}"
            );
        }
    }

    // Guards: what reads, reads the same as through serde_json (a struct from a list included).
    #[test]
    fn values_that_fit_read_as_serde_json_reads_them() {
        let doc = json!({"items": [
            {"n": 1, "tags": ["a"], "pick": {"named": "x"}, "day": "2026-01-31"},
            {"n": 2, "pick": "plain"},
            {"n": 3, "pick": {"plain": null}},
            [4, ["b"], null, null]
        ]});
        let ours = read::<Items>(&doc).unwrap();
        let theirs = Items::deserialize(&doc).unwrap();
        assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
        let plan = crate::domain::model::plan::Plan::blank("p", "P", 7);
        let value = serde_json::to_value(&plan).unwrap();
        assert_eq!(
            read::<crate::domain::model::plan::Plan>(&value).unwrap(),
            plan
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use crate::domain::model::plan::Plan;
        use crate::domain::plan_file::json_path::value_at;
        use proptest::prelude::*;

        fn example() -> Value {
            let text = include_str!("../../../examples/seed-example.alur.json");
            serde_json::from_str::<Value>(text).unwrap()["plan"].clone()
        }

        /// Every place in `value`, as a JSON pointer.
        fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
            out.push(at.to_string());
            match value {
                Value::Object(map) => {
                    for (key, child) in map {
                        let key = key.replace('~', "~0").replace('/', "~1");
                        pointers(child, &format!("{at}/{key}"), out);
                    }
                }
                Value::Array(items) => {
                    for (i, child) in items.iter().enumerate() {
                        pointers(child, &format!("{at}/{i}"), out);
                    }
                }
                _ => {}
            }
        }

        fn replacement() -> impl Strategy<Value = Option<Value>> {
            prop_oneof![
                Just(None),
                Just(Some(json!(null))),
                Just(Some(json!(true))),
                Just(Some(json!(-3))),
                Just(Some(json!(2.5))),
                Just(Some(json!("2026-02-30"))),
                Just(Some(json!("other"))),
                Just(Some(json!("sem"))),
                Just(Some(json!([]))),
                Just(Some(json!([1, "a"]))),
                Just(Some(json!({}))),
                Just(Some(json!({"other": 5}))),
                Just(Some(json!({"sem": null, "x": 1}))),
                Just(Some(json!({"kind": "within_range", "min": "x"}))),
                Just(Some(json!({"id": "x", "zz": 1}))),
                "\\PC{0,6}".prop_map(|s| Some(Value::from(s))),
            ]
        }

        proptest! {
            // Guards: any broken plan is refused with serde_json's own message, at a place
            // that exists in the document (or, for a choice's content, under one that does).
            #[test]
            fn broken_plans_are_refused_as_serde_json_refuses_them(
                edits in proptest::collection::vec((any::<prop::sample::Index>(), replacement()), 1..4),
            ) {
                let mut doc = example();
                for (at, new) in edits {
                    let mut all = Vec::new();
                    pointers(&doc, "", &mut all);
                    let pointer = all[at.index(all.len())].clone();
                    match (new, pointer.rsplit_once('/')) {
                        (Some(new), _) => {
                            if let Some(slot) = doc.pointer_mut(&pointer) {
                                *slot = new;
                            }
                        }
                        (None, Some((parent, key))) => {
                            let key = key.replace("~1", "/").replace("~0", "~");
                            if let Some(Value::Object(map)) = doc.pointer_mut(parent) {
                                map.remove(&key);
                            }
                        }
                        (None, None) => {}
                    }
                }
                let ours = read::<Plan>(&doc);
                let theirs = Plan::deserialize(&doc);
                match (ours, theirs) {
                    (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
                    (Err(fault), Err(error)) => {
                        prop_assert_eq!(fault.error.to_string(), error.to_string());
                        let parent = fault.path.get(..fault.path.len().saturating_sub(1)).unwrap_or_default();
                        prop_assert!(value_at(&doc, &fault.path).is_some() || value_at(&doc, parent).is_some());
                    }
                    (ours, theirs) => prop_assert!(false, "{:?} / {:?}", ours.map(|_| ()), theirs.map(|_| ())),
                }
            }
        }
    }
}
