//! The global allocator of coverage-calc's WebAssembly module.
//!
//! Rust's default allocator on `wasm32-unknown-unknown` is dlmalloc: fast, and about 8 KB of
//! code (3.3 KB gzip, measured), a tenth of the module's budget. An answer allocates a few dozen
//! small blocks and frees them all, so a plain free list does as well: lol_alloc's
//! `FreeListAllocator` (sorted by address, adjacent blocks merged).
//!
//! Used directly, its short `alloc` and `dealloc` are inlined into every allocation site of the
//! module by link-time optimisation, which makes the module *larger* than with dlmalloc. This
//! crate only puts them behind calls that are never inlined. It is the one place of the project
//! with `unsafe` code (the core forbids it): `GlobalAlloc` is an unsafe trait.
#![no_std]

use core::alloc::{GlobalAlloc, Layout};

use lol_alloc::{AssumeSingleThreaded, FreeListAllocator};

/// lol_alloc's free-list allocator, for a single-threaded wasm module.
pub struct Allocator(AssumeSingleThreaded<FreeListAllocator>);

impl Allocator {
    /// The allocator. Sound only where there is one thread: `wasm32-unknown-unknown` without
    /// the `atomics` feature, which is how coverage-calc is built.
    #[allow(clippy::new_without_default, reason = "a const constructor for a static")]
    pub const fn new() -> Self {
        // SAFETY: the module runs on one thread (wasm32-unknown-unknown, no `atomics`), so the
        // allocator is never used from two threads at once.
        Self(unsafe { AssumeSingleThreaded::new(FreeListAllocator::new()) })
    }
}

// SAFETY: every method forwards to lol_alloc's allocator with the caller's own arguments, so the
// caller's guarantees are lol_alloc's.
unsafe impl GlobalAlloc for Allocator {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as the caller promised for `layout`.
        unsafe { self.0.alloc(layout) }
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated here with `layout`, as the caller promised.
        unsafe { self.0.dealloc(ptr, layout) }
    }

    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as the caller promised for `ptr`, `layout` and `new_size`.
        unsafe { self.0.realloc(ptr, layout, new_size) }
    }
}
