"""The backward pass as four matrix lines, printed stage by stage."""

from network import W1, W2, backward, show, x, y

delta, dE_dW2, dE_dh, dE_dW1 = backward(x, y, W1, W2)
stages = [("delta  = y_hat - y", delta),
          ("dE/dW2 = h.T @ delta", dE_dW2),
          ("dE/dh  = delta @ W2.T", dE_dh),
          ("dE/dW1 = x.T @ dE/dh", dE_dW1)]
for stage, (formula, value) in enumerate(stages, start=1):
    print(f"{stage}. {formula:<21} shape {value.shape}:")
    print(f"   {show(value)}")
