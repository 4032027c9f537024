// placeholder: replaced by the shell
