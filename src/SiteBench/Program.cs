Console.WriteLine("vfetps-bench");
