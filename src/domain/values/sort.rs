//! One sort for the whole app. Each `sort_by_key` call with a closure of its own compiles the
//! standard library's sort anew — five to eight functions, 0.5 to 3 KB of wasm each, about
//! 80 KB over the app's sorts. Sorting through one non-generic function over indices compiles
//! it once; only the small reordering is per type.

use std::cmp::Ordering;

/// The stable order of `len` items under `cmp`, as their indices: the one call of the
/// standard sort in the app (clippy.toml forbids the others).
#[allow(clippy::disallowed_methods)]
fn order(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..len).collect();
    indices.sort_by(|&a, &b| cmp(a, b));
    indices
}

/// Sorts `items` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let indices = {
        let items = &*items;
        order(
            items.len(),
            &mut |a, b| match (items.get(a), items.get(b)) {
                (Some(a), Some(b)) => cmp(a, b),
                _ => Ordering::Equal,
            },
        )
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        indices
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `items` stably by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, like `slice::sort`.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
// The tests compare with the standard library's sorts.
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let mut items: Vec<(u8, char)> = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        let mut expected = items.clone();
        expected.sort_by_key(|i| i.0);
        sort_by_key(&mut items, |i| i.0);
        assert_eq!(items, expected);
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        sort_by(&mut items, |a, b| b.1.cmp(&a.1));
        assert_eq!(items.iter().map(|i| i.1).collect::<String>(), "edcba");
        let mut words = vec!["b".to_string(), "a".into(), "c".into()];
        sort(&mut words);
        assert_eq!(words, ["a", "b", "c"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn large_inputs_keep_every_item() {
        let mut items: Vec<u64> = (0..10_000u64).map(|i| i * 7919 % 10_007).collect();
        let mut expected = items.clone();
        expected.sort();
        sort(&mut items);
        assert_eq!(items, expected);
    }
}
