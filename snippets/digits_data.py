"""The handwritten digits: scikit-learn's bundled 8 x 8 images, scaled and
split once, with a seeded generator, into training and held-out rows.

The digits chapter imports from here, as the first chapters import
network.py. The images ship inside scikit-learn: nothing is downloaded.
Run on its own, it prints the sizes and one image's pixels.
"""

import numpy as np

try:
    from sklearn.datasets import load_digits
except ImportError:  # a one-line answer, not a traceback
    raise SystemExit("the digits come with scikit-learn, which is not "
                     "installed: uv sync --locked --no-default-groups"
                     ) from None

# --8<-- [start:data]
digits = load_digits()  # 1797 images, 8 x 8 pixels, each 0 (blank) to 16
X = digits.data / 16  # one image a row (1797, 64), each pixel now 0 to 1
labels = digits.target  # the digit each image shows, 0 to 9
Y = np.eye(10)[labels]  # one-hot targets (1797, 10): a 1 at the label

# One shuffle of the rows, seeded, so every run holds out the same images.
order = np.random.default_rng(0).permutation(len(X))  # NumPy's PCG64
held_rows, train_rows = order[:357], order[357:]  # 1440 = 45 batches of 32
X_train, Y_train = X[train_rows], Y[train_rows]
X_held, Y_held = X[held_rows], Y[held_rows]
labels_train, labels_held = labels[train_rows], labels[held_rows]
# --8<-- [end:data]


if __name__ == "__main__":
    print(f"{len(X)} images of {X.shape[1]} pixels, "
          f"{len(np.unique(labels))} digits")
    print(f"training rows: {len(train_rows)}, held-out rows: {len(held_rows)}")
    print(f"pixels scaled from 0..{digits.data.max():.0f} "
          f"to {X.min():.1f}..{X.max():.1f}")
    print(f"the first training image, a {labels_train[0]}, "
          "as its 64 pixels (0 to 16):")
    for row in digits.data[train_rows[0]].reshape(8, 8):
        print("  " + " ".join(f"{p:2.0f}" for p in row))
