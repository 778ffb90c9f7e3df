//! A heapsort for the few places that sort: O(n log n) on any input (claims come from requests,
//! so no quadratic fallback), in place, and a fraction of the code of the standard library's
//! sorts, which weigh about 10 KB in the wasm module.

/// Sorts `items` in ascending order (not stable: sort by a key that includes the position when
/// the order of equal items matters).
pub(crate) fn heapsort<T: Ord>(items: &mut [T]) {
    let len = items.len();
    for start in (0..len / 2).rev() {
        sift_down(items, start, len);
    }
    for end in (1..len).rev() {
        items.swap(0, end);
        sift_down(items, 0, end);
    }
}

/// Moves `items[root]` down the heap of the first `end` items.
fn sift_down<T: Ord>(items: &mut [T], mut root: usize, end: usize) {
    loop {
        let left = root.saturating_mul(2).saturating_add(1);
        if left >= end {
            return;
        }
        let right = left.saturating_add(1);
        let child = match (items.get(left), items.get(right)) {
            (Some(l), Some(r)) if right < end && r > l => right,
            _ => left,
        };
        match (items.get(root), items.get(child)) {
            (Some(r), Some(c)) if c > r => items.swap(root, child),
            _ => return,
        }
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::heapsort;

    #[test]
    fn sorts_like_the_standard_library() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for len in 0..200 {
            let mut v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ((seed % 7) as u8, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort();
            heapsort(&mut v);
            assert_eq!(v, expected, "length {len}");
        }
    }
}
