// The contact form's script: see the next commit.
